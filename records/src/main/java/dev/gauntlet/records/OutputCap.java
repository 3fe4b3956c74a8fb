package dev.gauntlet.records;

/** Shortens long text to its head and tail around a marker saying how much was left out. */
public final class OutputCap {

  private OutputCap() {}

  /**
   * Returns {@code text} if it has at most {@code max} chars, else its head, a marker
   * {@code "\n[... N chars omitted ...]\n"} and its tail, together at most {@code max} chars. Surrogate pairs are
   * never split, and capping a capped text changes nothing.
   */
  public static String cap(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    // Fewer chars are omitted than the text has, so a marker for all of them is never shorter than the real one.
    int keep = max - marker(text.length()).length();
    int headEnd = keep / 2;
    int tailStart = text.length() - (keep - headEnd);
    if (Character.isHighSurrogate(text.charAt(headEnd - 1))) {
      headEnd--;
    }
    if (Character.isLowSurrogate(text.charAt(tailStart))) {
      tailStart++;
    }
    return text.substring(0, headEnd) + marker(tailStart - headEnd) + text.substring(tailStart);
  }

  private static String marker(int omitted) {
    return "\n[... " + omitted + " chars omitted ...]\n";
  }
}
