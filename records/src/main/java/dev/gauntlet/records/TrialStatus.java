package dev.gauntlet.records;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a trial ended. */
public enum TrialStatus {
  /** The verifier ran and the trial met its bar. */
  PASSED,
  /** The verifier ran and the trial fell short. */
  FAILED,
  /** The trial could not be scored; {@link TrialRecord#errorKind()} says why. */
  ERROR;

  /** Returns the name written to records: the constant in lower case, e.g. {@code passed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException if {@code wireName} is not one of the allowed names, which it lists
   */
  public static TrialStatus parse(String wireName) {
    for (TrialStatus status : values()) {
      if (status.wireName().equals(wireName)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown trial status '" + wireName + "'; allowed: "
        + Arrays.stream(values()).map(TrialStatus::wireName).collect(Collectors.joining(", ")));
  }
}
