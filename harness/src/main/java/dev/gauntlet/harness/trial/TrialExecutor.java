package dev.gauntlet.harness.trial;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.scheduler.TrialRunner;
import dev.gauntlet.scorers.AnswerScorers;
import dev.gauntlet.scorers.Score;
import dev.gauntlet.scorers.Scorer;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs one trial through its stages (a warm sandbox from its task's snapshot, agent, verifier) and always returns its record: failures
 * become an {@code error} status with a kind and message, and the sandbox is removed whatever happens.
 */
public final class TrialExecutor implements TrialRunner<TrialSpec, TrialRecord> {

    private static final int MAX_MESSAGE = 4000;

    private final Fleet sandboxes;
    private final AgentStage agent;
    private final VerifierStage verifier;
    private final BooleanSupplier cancelled;
    private final KeepSnapshots keep;
    private final boolean freshVerifier;
    private final RetryPolicy retries;
    private final TrialLogs logs;

    /**
     * @param cancelled tells whether the run is being cancelled, so an interrupted trial is recorded as
     *                  {@code cancelled} rather than as a sandbox failure
     */
    public TrialExecutor(Fleet sandboxes, TrialAgent agent, TrialOptions options, TrialLogs logs, BooleanSupplier cancelled) {
        this(sandboxes, agent, options, logs, cancelled, AnswerScorers.parse(AnswerScorers.DEFAULT, spec -> null, null));
    }

    /** @param answers scores the answers of answer-style samples ({@code --scorer}) */
    public TrialExecutor(Fleet sandboxes, TrialAgent agent, TrialOptions options, TrialLogs logs, BooleanSupplier cancelled,
                         Scorer answers) {
        this.sandboxes = sandboxes;
        this.agent = new AgentStage(agent.agents(), agent.models(), agent.limits(), agent.steps(), logs);
        this.verifier = new VerifierStage(options.network(), answers, logs);
        this.cancelled = cancelled;
        this.keep = options.keepSnapshots();
        this.freshVerifier = options.freshVerifier();
        this.retries = new RetryPolicy(options.maxRetries());
        this.logs = logs;
    }

    /**
     * Runs the trial, and again on a fresh sandbox after a {@code sandbox} or {@code model} error, up to the retry
     * limit, waiting with exponential backoff and jitter in between; the record says how many retries it took.
     */
    @Override
    public TrialRecord run(TrialSpec trial) {
        TrialRecord record = attempt(trial, 0);
        int retried = 0;
        while (retries.shouldRetry(record, retried) && !cancelled.getAsBoolean()) {
            if (!retries.sleepBefore(retried + 1)) {
                break;
            }
            retried++;
            record = attempt(trial, retried);
        }
        return record.withRetries(retried);
    }

    /** One run of the trial; {@code retry} is 0 for the first, n for the n-th retry. */
    private TrialRecord attempt(TrialSpec trial, int retry) {
        Instant startedAt = Instant.now();
        PhaseClock clock = new PhaseClock();
        String image = null;
        Sandbox sandbox = null;
        String kept = null;
        Fleet.Placed placed = null;
        AgentUsage usage = null;
        TrialRecord record = null;
        try {
            clock.enter(PhaseClock.Phase.SETUP);
            placed = retry > 0 ? sandboxes.acquireAgain(trial) : sandboxes.acquire(trial);
            image = placed.image();
            sandbox = placed.sandbox();
            clock.enter(PhaseClock.Phase.AGENT);
            usage = agent.run(trial, sandbox, retry);
            clock.enter(PhaseClock.Phase.VERIFIER);
            if (freshVerifier || keep != KeepSnapshots.NONE) {
                kept = sandbox.snapshot(KeepSnapshots.name(trial.trialId()));
            }
            if (freshVerifier) {
                closeQuietly(sandbox);
                sandbox = placed.engine().create(trial, kept);
            }
            VerifierStage.Scored scored = verifier.run(trial, sandbox);
            clock.stop();
            record = record(trial, startedAt, clock, image, sandbox, scored.value().passed() ? TrialStatus.PASSED : TrialStatus.FAILED,
                null, null, scored.value(), usage).withScorer(scored.scorer(), scored.value().explanation());
        } catch (TrialFailure failure) {
            record = failed(trial, startedAt, clock, image, sandbox, kind(placed, failure.kind()), failure.getMessage(),
                failure.usage() != null ? failure.usage() : usage);
        } catch (SandboxException e) {
            record = failed(trial, startedAt, clock, image, sandbox, kind(placed, ErrorKind.SANDBOX), e.getMessage(), usage);
        } catch (RuntimeException e) {
            // an engine that died mid-call fails in whatever phase was on: the ping marks it down, and kind() then says
            // it is the sandbox's failure, retried elsewhere
            if (placed != null) {
                sandboxes.answers(placed);
            }
            ErrorKind byPhase = clock.current() == PhaseClock.Phase.AGENT ? ErrorKind.AGENT
                : clock.current() == PhaseClock.Phase.VERIFIER ? ErrorKind.VERIFIER : ErrorKind.SANDBOX;
            record = failed(trial, startedAt, clock, image, sandbox, kind(placed, byPhase), e.toString(), usage);
        } finally {
            // a sandbox on an engine that went down is left alone: calls to it could hang, and the engine's leftovers of
            // this run are removed when it is taken back. Until release, the fleet interrupts these calls if it goes down.
            boolean engineLost = placed != null && sandboxes.down(placed);
            if (sandbox != null && !engineLost) {
                if (record == null || record.status() == TrialStatus.ERROR) {
                    collectLogsQuietly(trial, sandbox);
                }
                closeQuietly(sandbox);
            }
            if (kept != null && !engineLost && (record == null || !keep.keeps(record.status()))) {
                removeSnapshotQuietly(trial, placed);
            }
            if (placed != null) {
                sandboxes.release(placed);
            }
        }
        return placed == null ? record : record.withSandboxHost(placed.host());
    }

    @Override
    public TrialRecord crashed(TrialSpec trial, Throwable error) {
        return failed(trial, Instant.now(), new PhaseClock(), null, null, ErrorKind.SANDBOX, "internal error: " + error, null);
    }

    /**
     * What ended the trial: the run's cancellation, else its engine going down (the fleet interrupts the trials on an
     * engine that stops answering), else an interrupt from elsewhere, else what the failure says.
     */
    private ErrorKind kind(Fleet.Placed placed, ErrorKind otherwise) {
        if (cancelled.getAsBoolean()) {
            return ErrorKind.CANCELLED;
        }
        if (placed != null && sandboxes.down(placed)) {
            return ErrorKind.SANDBOX;
        }
        return Thread.currentThread().isInterrupted() ? ErrorKind.CANCELLED : otherwise;
    }

    private TrialRecord failed(TrialSpec trial, Instant startedAt, PhaseClock clock, String image, Sandbox sandbox,
                               ErrorKind kind, String message, AgentUsage usage) {
        clock.stop();
        String why = kind == ErrorKind.CANCELLED ? "the run was cancelled" : message;
        return record(trial, startedAt, clock, image, sandbox, TrialStatus.ERROR, kind, abbreviate(why), null, usage);
    }

    private static TrialRecord record(TrialSpec trial, Instant startedAt, PhaseClock clock, String image, Sandbox sandbox,
                                      TrialStatus status, ErrorKind kind, String message, Score.Value score, AgentUsage usage) {
        return new TrialRecord(trial.runId(), trial.trialId(), trial.dataset(), trial.task().id(), trial.task().contentHash(),
            trial.agent(), trial.model(), trial.attempt(), status, kind, message,
            score == null ? null : score.reward(), score == null ? Map.of() : score.rewards(),
            startedAt, Instant.now(),
            clock.millis(PhaseClock.Phase.SETUP), clock.millis(PhaseClock.Phase.AGENT), clock.millis(PhaseClock.Phase.VERIFIER),
            clock.totalMillis(), image == null ? "" : image, sandbox == null ? null : sandbox.id(),
            usage == null ? AgentUsage.NONE : usage, 0).withTaskInfo(trial.task().metadata(), trial.datasetFingerprint());
    }

    private static String abbreviate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private void removeSnapshotQuietly(TrialSpec trial, Fleet.Placed placed) {
        try {
            placed.engine().removeSnapshot(KeepSnapshots.name(trial.trialId()));
        } catch (RuntimeException ignored) {
            // gauntlet cleanup --snapshots removes it later
        }
    }

    /** What the agent and verifier logged before the trial ended early, if the sandbox can still tell. */
    private void collectLogsQuietly(TrialSpec trial, Sandbox sandbox) {
        try {
            logs.collectAll(trial.trialId(), sandbox);
        } catch (RuntimeException ignored) {
            // the sandbox is gone; the record says why
        }
    }

    private static void closeQuietly(Sandbox sandbox) {
        try {
            sandbox.close();
        } catch (RuntimeException ignored) {
            // the run's final sweep removes whatever is left by label
        }
    }
}
