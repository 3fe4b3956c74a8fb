package dev.gauntlet.records;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One step of an agent loop within a trial: a model call and the command it asked for, if any. One record is one
 * row of the Parquet files described by {@link StepSchema}.
 *
 * <p>The timestamp is kept to the millisecond, the precision it is stored with, and {@code output} is capped at
 * {@link #MAX_OUTPUT_CHARS}, so a record read back equals the one written.
 *
 * @param runId the run the step belongs to
 * @param trialId the trial the step belongs to, as in {@link TrialRecord#trialId()}
 * @param step the step's number within its trial, from 1
 * @param startedAt when the step started
 * @param modelMs time spent waiting for the model, not negative
 * @param execMs time spent running the command, not negative
 * @param inputTokens model input tokens of this step, not negative
 * @param outputTokens model output tokens of this step, not negative
 * @param command the command the model asked to run, or {@code null} if there was none, e.g. after a format error
 * @param exitCode the command's exit code, or {@code null} if no command ran to completion; set only with a
 *     {@code command}
 * @param output what the command printed, or {@code null}; longer output keeps its head and tail around a marker
 *     saying how many chars were omitted
 * @param error what went wrong in this step, e.g. a format error or a timeout, or {@code null}
 * @param retry which run of the trial the step belongs to: 0 for the first, n for its n-th retry (a trial that
 *     ended in a sandbox or model error runs again; {@link TrialRecord#retries()} says how often)
 */
public record StepRecord(
    String runId,
    String trialId,
    int step,
    Instant startedAt,
    long modelMs,
    long execMs,
    long inputTokens,
    long outputTokens,
    String command,
    Integer exitCode,
    String output,
    String error,
    int retry) {

  /** The version of the step format; bumped whenever {@link StepSchema} changes. */
  public static final int SCHEMA_VERSION = 2;

  /** The most chars of {@link #output()} a record keeps, marker included. */
  public static final int MAX_OUTPUT_CHARS = 16_384;

  /**
   * Validates and normalizes the record, capping {@code output} at {@link #MAX_OUTPUT_CHARS}.
   *
   * @throws NullPointerException if a required component is {@code null}, naming it
   * @throws IllegalArgumentException if a number is out of range, or an exit code is given without a command
   */
  public StepRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(startedAt, "startedAt");
    if (step < 1) {
      throw new IllegalArgumentException("trial " + trialId + ": step must be at least 1, was " + step);
    }
    requireNotNegative(trialId, step, "modelMs", modelMs);
    requireNotNegative(trialId, step, "execMs", execMs);
    requireNotNegative(trialId, step, "inputTokens", inputTokens);
    requireNotNegative(trialId, step, "outputTokens", outputTokens);
    if (retry < 0) {
      throw new IllegalArgumentException("trial " + trialId + " step " + step + ": retry must not be negative, was " + retry);
    }
    if (exitCode != null && command == null) {
      throw new IllegalArgumentException(
          "trial " + trialId + " step " + step + ": exitCode " + exitCode + " is set but command is null");
    }
    startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
    output = output == null ? null : OutputCap.cap(output, MAX_OUTPUT_CHARS);
  }

  /** A step of a trial's first run. */
  public StepRecord(String runId, String trialId, int step, Instant startedAt, long modelMs, long execMs, long inputTokens,
      long outputTokens, String command, Integer exitCode, String output, String error) {
    this(runId, trialId, step, startedAt, modelMs, execMs, inputTokens, outputTokens, command, exitCode, output, error, 0);
  }

  /** The same step, of the trial's {@code n}-th retry. */
  public StepRecord withRetry(int n) {
    return new StepRecord(runId, trialId, step, startedAt, modelMs, execMs, inputTokens, outputTokens, command, exitCode, output,
        error, n);
  }

  private static void requireNotNegative(String trialId, int step, String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "trial " + trialId + " step " + step + ": " + name + " must not be negative, was " + value);
    }
  }
}
