package dev.rtksessions.engine;

import dev.rtksessions.model.Session;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text summary of a transcript built offline, without a language model: the
 * speakers, the time span, and the sentences that carry the most content. A sentence's score
 * is the sum, over its words that are not stopwords, of how often each word occurs in the
 * whole transcript (relative to the most frequent one): sentences that use the meeting's
 * recurring subject words rank high, fillers ("Yeah, okay.") rank nothing. The best few are
 * listed in their original order, so the summary reads like the meeting went.
 */
final class ExtractiveSummary {
  static final int MAX_KEY_POINTS = 5;
  /** About one key point per this many sentences (at least one, at most {@link #MAX_KEY_POINTS}). */
  static final int SENTENCES_PER_KEY_POINT = 5;

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026])\\s+");
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'\u2019-]*");
  private static final int MIN_WORD_LENGTH = 3;
  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;
  // English function words, plus the fillers of spoken conversation.
  private static final Set<String> STOPWORDS = Set.of(
      "about", "above", "after", "again", "against", "all", "also", "and", "any", "are", "aren't", "because",
      "been", "before", "being", "below", "between", "both", "but", "can", "can't", "cannot", "could", "couldn't",
      "did", "didn't", "does", "doesn't", "doing", "don't", "down", "during", "each", "even", "ever", "every",
      "few", "for", "from", "further", "get", "gets", "got", "had", "hadn't", "has", "hasn't", "have", "haven't",
      "having", "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his",
      "how", "how's", "i'd", "i'll", "i'm", "i've", "into", "isn't", "it's", "its", "itself", "just", "let",
      "let's", "more", "most", "much", "must", "mustn't", "myself", "nor", "not", "now", "off", "once", "one",
      "only", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "shan't",
      "she", "she'd", "she'll", "she's", "should", "shouldn't", "some", "such", "than", "that", "that's", "the",
      "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll",
      "they're", "they've", "this", "those", "through", "too", "under", "until", "very", "was", "wasn't",
      "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when", "when's", "where",
      "where's", "which", "while", "who", "who's", "whom", "why", "why's", "will", "with", "won't", "would",
      "wouldn't", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
      "yourselves", "going", "gonna", "wanna", "yeah", "yes", "yep", "okay", "ok", "right", "well", "like",
      "really", "actually", "basically", "thanks", "thank", "sure", "think", "know", "mean", "guess", "hmm",
      "uh", "um", "umm", "erm", "ah", "oh", "hey", "hello", "bye", "good", "great", "cool", "nice", "so",
      "maybe", "kind", "sort", "thing", "things", "stuff", "lot", "bit", "way", "something", "anything",
      "everything", "nothing", "see", "say", "said", "tell", "told", "come", "came", "make", "made", "want",
      "need", "look", "take", "put", "still", "back", "today", "everyone", "everybody", "guys", "folks");

  private ExtractiveSummary() {}

  /** A sentence of the transcript, with who said it and where it came. */
  record Sentence(int position, String speaker, String text, List<String> words) {}

  /** The summary's text; {@code now} decides whether a session without transcript times is still live. */
  static String write(Session session, Transcript transcript, long now) {
    List<Sentence> sentences = sentences(transcript);
    StringBuilder out = new StringBuilder();
    out.append("Summary of session ").append(session.id()).append('\n');
    out.append("Speakers: ").append(speakers(transcript)).append('\n');
    out.append("Time span: ").append(timeSpan(session, transcript, now)).append('\n');
    out.append('\n').append("Key points:").append('\n');
    List<Sentence> points = keyPoints(sentences);
    if (points.isEmpty()) {
      out.append("- (none: the transcript holds no content words)").append('\n');
    }
    for (Sentence s : points) {
      out.append("- ").append(s.speaker() == null ? "" : s.speaker() + ": ").append(s.text()).append('\n');
    }
    out.append('\n').append("Extractive summary built by rtk-sessions from the transcript: the ")
        .append(points.size()).append(" of ").append(sentences.size())
        .append(" sentences that use the transcript's most frequent content words, in their original order.")
        .append('\n');
    return out.toString();
  }

  static List<Sentence> sentences(Transcript transcript) {
    List<Sentence> sentences = new ArrayList<>();
    for (Transcript.Line line : transcript.lines()) {
      for (String text : SENTENCE_END.split(line.text())) {
        String t = text.strip();
        if (!t.isEmpty()) {
          sentences.add(new Sentence(sentences.size(), line.speaker(), t, contentWords(t)));
        }
      }
    }
    return sentences;
  }

  /** The best-scoring sentences (ties: the earlier one), at most one per few sentences, in transcript order. */
  static List<Sentence> keyPoints(List<Sentence> sentences) {
    Map<String, Integer> frequency = new HashMap<>();
    for (Sentence s : sentences) {
      s.words().forEach(w -> frequency.merge(w, 1, Integer::sum));
    }
    int max = frequency.values().stream().max(Integer::compare).orElse(1);
    Map<Sentence, Double> scores = new HashMap<>();
    for (Sentence s : sentences) {
      double score = 0;
      for (String w : s.words()) {
        score += frequency.get(w) / (double) max;
      }
      scores.put(s, score);
    }
    int wanted = Math.min(MAX_KEY_POINTS,
        Math.max(1, (sentences.size() + SENTENCES_PER_KEY_POINT - 1) / SENTENCES_PER_KEY_POINT));
    return sentences.stream()
        .filter(s -> scores.get(s) > 0)
        .sorted(Comparator.comparingDouble((Sentence s) -> -scores.get(s)).thenComparingInt(Sentence::position))
        .limit(wanted)
        .sorted(Comparator.comparingInt(Sentence::position))
        .toList();
  }

  static List<String> contentWords(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group().replace('\u2019', '\'');
      if (w.length() >= MIN_WORD_LENGTH && !STOPWORDS.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  /** Speakers in order of first appearance, each with the number of lines they spoke. */
  private static String speakers(Transcript transcript) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (Transcript.Line line : transcript.lines()) {
      if (line.speaker() != null) {
        lines.merge(line.speaker(), 1, Integer::sum);
      }
    }
    if (lines.isEmpty()) {
      return "not named in the transcript";
    }
    List<String> named = new ArrayList<>();
    lines.forEach((who, n) -> named.add(who + " (" + n + (n == 1 ? " line)" : " lines)")));
    return String.join(", ", named);
  }

  /** From the transcript's own times when it has them, else from the session's start and end. */
  private static String timeSpan(Session session, Transcript transcript, long now) {
    Long first = null;
    Long last = null;
    for (Transcript.Line line : transcript.lines()) {
      for (Long t : new Long[] {line.startMs(), line.endMs()}) {
        if (t != null) {
          first = first == null ? t : Math.min(first, t);
          last = last == null ? t : Math.max(last, t);
        }
      }
    }
    if (first != null) {
      String range = transcript.absoluteTimes()
          ? INSTANT.format(Instant.ofEpochMilli(first)) + " to " + INSTANT.format(Instant.ofEpochMilli(last))
          : clock(first) + " to " + clock(last) + " into the recording";
      return range + " (" + duration(last - first) + ")";
    }
    Long ended = session.endedAtOrNull(now);
    String start = INSTANT.format(Instant.ofEpochMilli(session.startedAt()));
    if (ended == null) {
      return start + " until now, the session is still live (the transcript has no times)";
    }
    return start + " to " + INSTANT.format(Instant.ofEpochMilli(ended)) + " (" + duration(ended - session.startedAt())
        + ", the session's; the transcript has no times)";
  }

  private static String clock(long millis) {
    long s = millis / 1000;
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  static String duration(long millis) {
    long s = Math.round(millis / 1000.0);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + (s / 60 % 60) + " min";
  }
}
