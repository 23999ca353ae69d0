package dev.rtksessions.engine;

/** An uploaded transcript that holds no utterance in any of the accepted forms (see {@link Transcript}). */
public class UnreadableTranscriptException extends RuntimeException {
  UnreadableTranscriptException(String message) {
    super(message);
  }
}
