package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcript forms the offline summary accepts, and how it picks its key points. */
class TranscriptSummaryTest {
  private static final long T0 = Instant.parse("2025-03-04T10:00:00Z").toEpochMilli();

  private static List<Transcript.Line> lines(String text) {
    return Transcript.parse(text).lines();
  }

  @Test
  void readsSrtWithSpeakerPrefixes() {
    Transcript t = Transcript.parse("""
        1
        00:00:01,500 --> 00:00:04,000
        Alice: Hello, can everyone hear me?

        2
        00:01:05,000 --> 00:01:09,250
        Bob: Loud and clear.
        And the slides are up.
        """);
    assertThat(t.absoluteTimes()).isFalse();
    assertThat(t.lines()).containsExactly(
        new Transcript.Line("Alice", 1_500L, 4_000L, "Hello, can everyone hear me?"),
        new Transcript.Line("Bob", 65_000L, 69_250L, "Loud and clear. And the slides are up."));
  }

  @Test
  void readsWebVttWithVoiceTagsSettingsAndNotes() {
    assertThat(lines("""
        WEBVTT - a meeting

        NOTE recorded by the bridge

        cue-1
        01:02:03.004 --> 01:02:05.000 align:start position:10%
        <v.loud Alice Smith>We ship <b>today</b>.</v>

        00:00:06.000 --> 00:00:07.000
        No speaker here.
        """)).containsExactly(
        new Transcript.Line("Alice Smith", 3_723_004L, 3_725_000L, "We ship today."),
        new Transcript.Line(null, 6_000L, 7_000L, "No speaker here."));
  }

  @Test
  void readsCsvWithQuotedFieldsAndAbsoluteTimes() {
    Transcript t = Transcript.parse("""
        "Start Time",Name,peerId,Transcript
        2025-03-04T10:00:05Z,Alice,p1,"Budget first, then hiring."
        2025-03-04 10:00:09.5Z,Bob,p2,"He said ""fine"",
        and left."
        """);
    assertThat(t.absoluteTimes()).isTrue();
    assertThat(t.lines()).containsExactly(
        new Transcript.Line("Alice", T0 + 5_000, null, "Budget first, then hiring."),
        new Transcript.Line("Bob", T0 + 9_500, null, "He said \"fine\",\nand left."));
  }

  @Test
  void readsJsonArraysAndObjectsHoldingOne() {
    assertThat(lines("""
        [{"speaker": "Alice", "text": "One.", "start": 1.5, "end": 3},
         {"name": "Bob", "transcript": "Two.", "startTime": 1741082405}]""")).containsExactly(
        new Transcript.Line("Alice", 1_500L, 3_000L, "One."),
        new Transcript.Line("Bob", T0 + 5_000, null, "Two."));
    assertThat(lines("{\"segments\": [{\"display_name\": \"Carol\", \"content\": \"Three.\"}]}"))
        .containsExactly(new Transcript.Line("Carol", null, null, "Three."));
  }

  @Test
  void readsPlainSpeakerLinesWithOptionalTimesAndContinuations() {
    assertThat(lines("""
        [00:00:05] Alice: Let's start.
        00:01:10 Bob: Agreed.
        This line continues Bob.

        Carol: No time on this one.
        """)).containsExactly(
        new Transcript.Line("Alice", 5_000L, null, "Let's start."),
        new Transcript.Line("Bob", 70_000L, null, "Agreed. This line continues Bob."),
        new Transcript.Line("Carol", null, null, "No time on this one."));
  }

  @Test
  void refusesTranscriptsWithoutUtterances() {
    assertThatThrownBy(() -> Transcript.parse(" \n ")).isInstanceOf(UnreadableTranscriptException.class)
        .hasMessage("the transcript is empty");
    assertThatThrownBy(() -> Transcript.parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n"))
        .isInstanceOf(UnreadableTranscriptException.class)
        .hasMessage("the transcript (read as WebVTT/SRT) holds no utterance");
  }

  @Test
  void keyPointsAreTheSentencesWithTheMostFrequentContentWordsInTheirOriginalOrder() {
    Transcript t = Transcript.parse("""
        Alice: Hi all. The pricing page redesign ships next sprint with the new pricing tiers.
        Bob: Okay, yeah. Sure.
        Carol: Marketing needs the pricing tiers copy before the redesign ships.
        Bob: Thanks!
        Dan: Lunch today brings tacos, burritos, nachos, salsa, guacamole, churros and lemonade downstairs at noon.
        """);
    List<ExtractiveSummary.Sentence> sentences = ExtractiveSummary.sentences(t);
    assertThat(sentences).hasSize(7);
    // The longest sentence has the most content words, but none that recurs: it ranks below both.
    assertThat(ExtractiveSummary.keyPoints(sentences)).extracting(ExtractiveSummary.Sentence::text).containsExactly(
        "The pricing page redesign ships next sprint with the new pricing tiers.",
        "Marketing needs the pricing tiers copy before the redesign ships.");
    assertThat(ExtractiveSummary.contentWords("Yeah, okay. I think we're good, thanks!")).isEmpty();
  }

  @Test
  void withoutTranscriptTimesTheSpanIsTheSessions() {
    Session ended = new Session("app", "s-1", "m", null, SessionType.MEETING, 0, 2, 0, 0, T0, T0, T0 + 95_000,
        T0 + 95_000, T0 + 95_000, null);
    String summary = ExtractiveSummary.write(ended, Transcript.parse("Alice: Release notes are ready."), T0 + 200_000);
    assertThat(summary).contains("Speakers: Alice (1 line)\n")
        .contains("Time span: 2025-03-04T10:00:00Z to 2025-03-04T10:01:35Z (1 min 35 s, the session's; the"
            + " transcript has no times)\n")
        .contains("- Alice: Release notes are ready.\n");
    Session live = new Session("app", "s-2", "m", null, SessionType.MEETING, 1, 1, 0, T0, T0, T0, T0, null,
        Session.FOREVER, null);
    assertThat(ExtractiveSummary.write(live, Transcript.parse("Hello there, general update."), T0))
        .contains("Speakers: not named in the transcript\n")
        .contains("until now, the session is still live");
  }
}
