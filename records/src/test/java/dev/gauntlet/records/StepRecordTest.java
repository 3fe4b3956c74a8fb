package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StepRecordTest {

  private static final Pattern MARKER = Pattern.compile("\n\\[\\.\\.\\. (\\d+) chars omitted \\.\\.\\.]\n");

  @Test
  void requiredComponentsAndRangesAreChecked() {
    assertThatThrownBy(() -> step(null, 1, null, null, null)).hasMessage("runId");
    assertThatThrownBy(() -> new StepRecord("r", null, 1, Instant.EPOCH, 0, 0, 0, 0, null, null, null, null))
        .hasMessage("trialId");
    assertThatThrownBy(() -> new StepRecord("r", "t", 1, null, 0, 0, 0, 0, null, null, null, null))
        .hasMessage("startedAt");
    assertThatThrownBy(() -> step("r", 0, null, null, null)).hasMessageContaining("step must be at least 1");
    assertThatThrownBy(() -> new StepRecord("r", "t", 1, Instant.EPOCH, -1, 0, 0, 0, null, null, null, null))
        .hasMessageContaining("modelMs");
    assertThatThrownBy(() -> new StepRecord("r", "t", 1, Instant.EPOCH, 0, -1, 0, 0, null, null, null, null))
        .hasMessageContaining("execMs");
    assertThatThrownBy(() -> new StepRecord("r", "t", 1, Instant.EPOCH, 0, 0, -1, 0, null, null, null, null))
        .hasMessageContaining("inputTokens");
    assertThatThrownBy(() -> new StepRecord("r", "t", 1, Instant.EPOCH, 0, 0, 0, -1, null, null, null, null))
        .hasMessageContaining("outputTokens");
  }

  @Test
  void exitCodeNeedsACommand() {
    assertThatThrownBy(() -> step("r", 2, null, 0, null))
        .hasMessageContaining("step 2").hasMessageContaining("exitCode 0").hasMessageContaining("command is null");
    assertThat(step("r", 1, "true", 0, null).exitCode()).isZero();
    assertThat(step("r", 1, "sleep 9", null, null).exitCode()).isNull();
  }

  @Test
  void timestampIsKeptToTheMillisecond() {
    StepRecord r = new StepRecord("r", "t", 1, Instant.parse("2026-01-01T00:00:00.123456789Z"), 0, 0, 0, 0,
        null, null, null, null);
    assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  @Test
  void outputUpToTheCapIsKept() {
    String full = "x".repeat(StepRecord.MAX_OUTPUT_CHARS);
    assertThat(step("r", 1, "c", 0, full).output()).isSameAs(full);
    assertThat(step("r", 1, "c", 0, "").output()).isEmpty();
  }

  @Test
  void longOutputKeepsHeadAndTailAroundAMarker() {
    String original = "HEAD" + "m".repeat(100_000) + "TAIL";
    String capped = step("r", 1, "c", 0, original).output();

    assertThat(capped.length()).isLessThanOrEqualTo(StepRecord.MAX_OUTPUT_CHARS)
        .isGreaterThan(StepRecord.MAX_OUTPUT_CHARS - 40);
    assertMarkerCountsTheOmittedChars(original, capped);
    assertThat(capped).startsWith("HEADmmm").endsWith("mmmTAIL");
    // Capping is idempotent, so a record read back equals the one written.
    assertThat(step("r", 1, "c", 0, capped).output()).isEqualTo(capped);
  }

  @Test
  void capJustOverTheLimit() {
    String original = "a".repeat(StepRecord.MAX_OUTPUT_CHARS) + "b";
    String capped = step("r", 1, "c", 0, original).output();
    assertThat(capped.length()).isLessThanOrEqualTo(StepRecord.MAX_OUTPUT_CHARS);
    assertMarkerCountsTheOmittedChars(original, capped);
    assertThat(capped).endsWith("ab");
  }

  @Test
  void capNeverSplitsASurrogatePair() {
    for (String prefix : new String[] {"", "x"}) {
      String original = prefix + "😀".repeat(StepRecord.MAX_OUTPUT_CHARS);
      String capped = step("r", 1, "c", 0, original).output();
      assertMarkerCountsTheOmittedChars(original, capped);
      for (String part : MARKER.split(capped)) {
        assertThat(part.codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE).count())
            .as("unpaired surrogates").isZero();
      }
    }
  }

  private static void assertMarkerCountsTheOmittedChars(String original, String capped) {
    Matcher m = MARKER.matcher(capped);
    assertThat(m.find()).as("marker in capped output").isTrue();
    String head = capped.substring(0, m.start());
    String tail = capped.substring(m.end());
    assertThat(original).startsWith(head).endsWith(tail);
    assertThat(head.length() + Integer.parseInt(m.group(1)) + tail.length()).isEqualTo(original.length());
    assertThat(Math.abs(head.length() - tail.length())).isLessThanOrEqualTo(2);
  }

  private static StepRecord step(String runId, int step, String command, Integer exitCode, String output) {
    return new StepRecord(runId, "t", step, Instant.EPOCH, 0, 0, 0, 0, command, exitCode, output, null);
  }
}
