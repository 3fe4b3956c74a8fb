package dev.gauntlet.records;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Why a trial ended in {@link TrialStatus#ERROR}: which stage failed, and whether by timing out. */
public enum ErrorKind {
  /** The sandbox could not be created, or was lost. */
  SANDBOX,
  /** The model provider failed past its retries. */
  MODEL,
  /** The agent ran out of time. */
  AGENT_TIMEOUT,
  /** The agent failed for another reason. */
  AGENT,
  /** The verifier ran out of time. */
  VERIFIER_TIMEOUT,
  /** The verifier failed for another reason. */
  VERIFIER,
  /** The run was cancelled before the trial finished. */
  CANCELLED;

  /** Returns the name written to records: the constant in lower case, e.g. {@code agent_timeout}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException if {@code wireName} is not one of the allowed names, which it lists
   */
  public static ErrorKind parse(String wireName) {
    for (ErrorKind kind : values()) {
      if (kind.wireName().equals(wireName)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown error kind '" + wireName + "'; allowed: "
        + Arrays.stream(values()).map(ErrorKind::wireName).collect(Collectors.joining(", ")));
  }
}
