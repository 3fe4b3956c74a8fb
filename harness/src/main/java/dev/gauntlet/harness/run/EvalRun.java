package dev.gauntlet.harness.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.datasets.Dataset;
import dev.gauntlet.datasets.TaskProblem;
import dev.gauntlet.harness.agent.Agent;
import dev.gauntlet.harness.agent.Agents;
import dev.gauntlet.harness.trial.NetworkPolicy;
import dev.gauntlet.harness.model.ModelClients;
import dev.gauntlet.harness.model.ModelJudge;
import dev.gauntlet.harness.trial.TrialAgent;
import dev.gauntlet.harness.trial.TrialExecutor;
import dev.gauntlet.harness.trial.TrialLogs;
import dev.gauntlet.harness.trial.TrialSpec;
import dev.gauntlet.harness.trial.Fleet;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepRecordWriter;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordWriter;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.RunSummary;
import dev.gauntlet.reports.SummaryTable;
import dev.gauntlet.reports.metrics.MetricOptions;
import dev.gauntlet.scorers.Scorer;
import dev.gauntlet.sandbox.SandboxBackend;
import dev.gauntlet.scheduler.RunStats;
import dev.gauntlet.scheduler.Scheduler;
import dev.gauntlet.scheduler.TrialRunner;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One evaluation run from datasets to summary, or the resumption of one that was killed or interrupted.
 *
 * <p>The first Ctrl-C starts no more trials and gives the running ones {@link RunOptions#gracePeriod()} to finish;
 * a second one, SIGTERM or the end of the grace period cancels them, recorded as {@code cancelled}. Either way the
 * records are written, every sandbox of the run is removed, and {@code gauntlet resume} runs what is left.
 */
public final class EvalRun {

    /** How a run ended. */
    public enum Ending { COMPLETED, INTERRUPTED, TOO_MANY_ERRORS }

    /** How a run ended, and where its records are. */
    public record Result(String runId, RunDirectory dir, RunSummary summary, Ending ending) {
        public boolean interrupted() {
            return ending == Ending.INTERRUPTED;
        }
    }

    /** How often every engine is pinged, to mark the silent ones down and take the returning ones back. */
    private static final long ENGINE_CHECK_EVERY_MS = 2_000;

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RunOptions options;
    private final List<Fleet.Engine> engines;
    private final PrintStream out;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean tooManyErrors = new AtomicBoolean();
    private List<String> commandLine = List.of();

    /** A run on one engine, of {@code --max-sandboxes} or else the engine's own capacity. */
    public EvalRun(RunOptions options, SandboxBackend backend, PrintStream out) {
        this(options, List.of(new Fleet.Engine(backend, options.maxSandboxes() > 0 ? options.maxSandboxes() : backend.defaultCapacity())), out);
    }

    /** A run whose trials are placed on these engines. */
    public EvalRun(RunOptions options, List<Fleet.Engine> engines, PrintStream out) {
        this.options = options;
        this.engines = List.copyOf(engines);
        this.out = out;
    }

    /** The command line that asked for this run, recorded in {@code run.json} for {@code gauntlet resume}. */
    public EvalRun commandLine(List<String> args) {
        this.commandLine = List.copyOf(args);
        return this;
    }

    /**
     * Runs every trial. Throws {@link IllegalArgumentException} when the run cannot start at all (unknown
     * agent, no loadable task, a run directory already in use).
     */
    public Result execute() {
        Map<String, Agent> agents = agents();
        List<Dataset> datasets = loadDatasets();
        String runId = RUN_ID_TIME.format(Instant.now()) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        RunDirectory dir = RunDirectory.create(options.out() != null ? options.out() : Path.of("runs", runId));
        try (RunDirectory.Lock lock = dir.lock()) {
            List<Contender> contenders = options.contenders();
            List<TrialSpec> plan = RunPlan.plan(runId, datasets, contenders, options.attempts());
            ObjectNode json = RunJson.start(runId, options, commandLine, datasets);
            dir.writeRunJson(json);
            out.printf(Locale.ROOT, "Run %s: %d trials (%d tasks x %d contender(s) x %d attempts), %s, concurrency %d, network %s%n",
                runId, plan.size(), plan.size() / options.attempts() / contenders.size(), contenders.size(), options.attempts(),
                contenders.stream().map(Contender::toString).collect(Collectors.joining(", ")), options.concurrency(),
                options.trial().network().name().toLowerCase(Locale.ROOT));
            return run(runId, dir, agents, datasets, plan, List.of(), json);
        }
    }

    /**
     * Continues a run that was killed or interrupted: trials with a finished record are kept, every other trial of
     * the plan runs on a fresh sandbox (cancelled ones and those in flight when the run died included), so no trial
     * is lost or recorded twice. Says which trials are new or stale when the dataset changed since.
     */
    public Result resume(RunDirectory dir) {
        Map<String, Agent> agents = agents();
        try (RunDirectory.Lock lock = dir.lock()) {
            ObjectNode json = dir.readRunJson();
            String runId = json.path("run_id").asText();
            Set<String> plannedBefore = RunJson.plannedTrialIds(json);
            List<Dataset> datasets = loadDatasets();
            List<TrialSpec> plan = RunPlan.plan(runId, datasets, options.contenders(), options.attempts());
            PriorRecords prior = PriorRecords.load(dir);
            Set<String> planned = plan.stream().map(TrialSpec::trialId).collect(Collectors.toSet());
            Set<String> recorded = prior.trialIds();
            List<TrialSpec> remaining = plan.stream().filter(t -> !recorded.contains(t.trialId())).toList();
            List<TrialRecord> kept = prior.finished().stream().filter(r -> planned.contains(r.trialId())).toList();
            out.printf(Locale.ROOT, "Resuming run %s: %d of %d trials recorded, %d to run%s%n", runId, kept.size(), plan.size(),
                remaining.size(), prior.cancelled() == 0 ? "" : " (" + prior.cancelled() + " cancelled before run again)");
            List<String> added = plan.stream().filter(t -> !plannedBefore.contains(t.trialId()))
                .map(t -> t.task().id() + " #" + t.attempt()).toList();
            List<String> stale = prior.finished().stream().filter(r -> !planned.contains(r.trialId()))
                .map(r -> r.taskId() + " #" + r.attempt()).toList();
            if (!added.isEmpty()) {
                out.println("The dataset changed: " + added.size() + " trial(s) are new (their task was added or changed): " + brief(added));
            }
            if (!stale.isEmpty()) {
                out.println("The dataset changed: " + stale.size() + " recorded trial(s) are stale (their task changed or is gone); "
                    + "their records stay in trials/ but are left out of the summary: " + brief(stale));
            }
            json.put("stale_trials", stale.size());
            RunJson.resume(json, options, datasets);
            dir.writeRunJson(json);
            return run(runId, dir, agents, datasets, remaining, kept, json);
        }
    }

    private Result run(String runId, RunDirectory dir, Map<String, Agent> agents, List<Dataset> datasets, List<TrialSpec> trials,
                       List<TrialRecord> earlier, ObjectNode json) {
        for (Fleet.Engine engine : engines) {
            int reaped = engine.backend().removeSandboxes(null);
            if (reaped > 0) {
                out.println("Removed " + reaped + " sandbox(es) left behind on " + engine.backend().host() + " by runs that are no longer alive");
            }
        }
        int planned = trials.size() + earlier.size();
        List<TrialRecord> records = java.util.Collections.synchronizedList(new ArrayList<>(earlier));
        PartSink<StepRecord> steps = new PartSink<>(dir.steps(), StepRecordWriter::writePart, 1_000, 10_000);
        // A trial's steps are on disk before its record: a finished record always has its steps.
        PartSink<TrialRecord> sink = new PartSink<>(dir.trials(), (d, part) -> {
            steps.flush();
            TrialRecordWriter.writePart(d, part);
        }, 100, 10_000);
        sink.onRecord(records::add);
        boolean terminal = Progress.isTerminal();
        Progress progress = new Progress(trials.size(), out, terminal, Progress.DEFAULT_PLAIN_EVERY, System::nanoTime);
        if (!terminal) {
            sink.onRecord(progressLine(trials.size()));
        }
        sink.onRecord(progress::finished);

        Vertx vertx = Vertx.vertx();
        ModelClients models = ModelClients.open(options.contenders().stream().map(Contender::model).filter(java.util.Objects::nonNull)
            .distinct().toList(), options.modelSettings(), vertx);
        List<ModelJudge> judges = java.util.Collections.synchronizedList(new ArrayList<>());
        Scorer answers = options.scoring().answerScorer(spec -> {
            ModelJudge judge = ModelJudge.open(spec, options.modelSettings(), vertx);
            judges.add(judge);
            return judge;
        });
        Scheduler scheduler = new Scheduler(vertx, options.concurrency());
        sink.onRecord(errorBudget(scheduler, planned, earlier));
        List<String> engineEvents = java.util.Collections.synchronizedList(new ArrayList<>());
        Fleet sandboxes = new Fleet(engines, options.trial().network(), trials, options.concurrency(),
            options.trial().timeouts().setupTimeout(), runId, line -> {
                engineEvents.add(Instant.now() + " " + line);
                progress.event(line);
            });
        if (sandboxes.size() > 1) {
            progress.engines(sandboxes::up, sandboxes.size());
        }
        sandboxes.start();
        long engineCheck = vertx.setPeriodic(ENGINE_CHECK_EVERY_MS, id -> Thread.ofVirtual().name("engine-check").start(sandboxes::check));
        long heartbeat = vertx.setPeriodic(terminal ? Progress.REDRAW_EVERY_MS : Progress.DEFAULT_PLAIN_EVERY.toMillis(), id -> progress.tick());
        TrialExecutor executor = new TrialExecutor(sandboxes, new TrialAgent(agents, models::forTrial, options.limits(), steps),
            options.trial(), new TrialLogs(dir.logs()), cancelled::get, answers);
        RunStats stats;
        boolean interrupted;
        String throttling = "";
        try (Interrupts interrupts = Interrupts.install(() -> stopGracefully(scheduler, vertx, dir), () -> cancelNow(scheduler))) {
            try {
                stats = scheduler.run(trials, counted(executor, progress), sink).toCompletionStage().toCompletableFuture().join();
            } finally {
                vertx.cancelTimer(heartbeat);
                vertx.cancelTimer(engineCheck);
                progress.close();
                sink.flush();
                steps.flush();
                sandboxes.close();
                scheduler.close();
                throttling = models.throttleReport();
                models.close();
                judges.forEach(ModelJudge::close);
                vertx.close();
            }
            interrupted = interrupts.interrupted();
        }
        Ending ending = interrupted ? Ending.INTERRUPTED : tooManyErrors.get() ? Ending.TOO_MANY_ERRORS : Ending.COMPLETED;
        List<TrialRecord> all = List.copyOf(records);
        RunSummary summary = RunSummary.of(all, stats.wallTime(), MetricOptions.defaults().withErrors(options.scoring().errors()));
        json.put("status", ending == Ending.COMPLETED && stats.notStarted() == 0 ? "completed"
            : ending == Ending.TOO_MANY_ERRORS ? "failed" : "interrupted");
        json.put("finished_at", Instant.now().toString());
        json.put("planned_trials", planned);
        json.put("not_started", stats.notStarted());
        json.put("model_throttling", throttling.isEmpty() ? null : throttling);
        RunJson.engines(json, engines, engineEvents);
        json.set("summary", SummaryTable.toJson(summary));
        dir.writeRunJson(json);
        out.println();
        SummaryTable.print(summary, out);
        networkNote(all, datasets).ifPresent(out::println);
        if (!throttling.isEmpty()) {
            out.println("model: " + throttling);
        }
        if (ending == Ending.TOO_MANY_ERRORS) {
            out.println("Failed: more trials ended in an error than --fail-on-error " + options.failOnError().describe() + " allows; "
                + stats.notStarted() + " trial(s) never started.");
        }
        if (ending == Ending.INTERRUPTED) {
            out.println("Interrupted: " + stats.notStarted() + " trial(s) never started.");
        }
        if (stats.notStarted() > 0 || all.stream().anyMatch(r -> r.errorKind() == ErrorKind.CANCELLED)) {
            out.println("Run `gauntlet resume " + dir.root() + "` to run the trials left.");
        }
        out.println("Run directory: " + dir.root());
        return new Result(runId, dir, summary, ending);
    }

    /** Each agent the run uses, by name; refuses unknown agents (a model-driven one without a model never gets here). */
    private Map<String, Agent> agents() {
        Map<String, Agent> agents = new java.util.LinkedHashMap<>();
        for (String name : options.agents()) {
            agents.put(name, Agents.create(name, options.agentSettings()));
        }
        return agents;
    }

    /** Stops the run once more trials ended in an error than {@code --fail-on-error} allows. */
    private java.util.function.Consumer<TrialRecord> errorBudget(Scheduler scheduler, int planned, List<TrialRecord> earlier) {
        AtomicInteger errors = new AtomicInteger((int) earlier.stream().filter(EvalRun::isError).count());
        return r -> {
            if (isError(r) && options.failOnError().exceeded(errors.incrementAndGet(), planned) && tooManyErrors.compareAndSet(false, true)) {
                out.println("Stopping: " + errors.get() + " trials ended in an error, more than --fail-on-error "
                    + options.failOnError().describe() + " allows; the running ones finish, no more start.");
                scheduler.stop();
            }
        };
    }

    private static boolean isError(TrialRecord r) {
        return r.status() == TrialStatus.ERROR && r.errorKind() != ErrorKind.CANCELLED;
    }

    private void stopGracefully(Scheduler scheduler, Vertx vertx, RunDirectory dir) {
        scheduler.stop();
        long grace = Math.max(1, options.gracePeriod().toMillis());
        out.printf(Locale.ROOT, "%nStopping: no more trials start; running ones have %d s to finish, then they are cancelled. "
            + "Ctrl-C again cancels them now. `gauntlet resume %s` runs the rest later.%n", options.gracePeriod().toSeconds(), dir.root());
        vertx.setTimer(grace, id -> cancelNow(scheduler));
    }

    private void cancelNow(Scheduler scheduler) {
        if (cancelled.compareAndSet(false, true)) {
            out.println("\nCancelling the running trials and removing their sandboxes...");
        }
        scheduler.cancel();
    }

    private static String brief(List<String> items) {
        return items.size() <= 10 ? String.join(", ", items) : String.join(", ", items.subList(0, 10)) + ", ...";
    }

    /** The executor, telling the progress display when each trial starts. */
    private static TrialRunner<TrialSpec, TrialRecord> counted(TrialExecutor executor, Progress progress) {
        return new TrialRunner<>() {
            @Override
            public TrialRecord run(TrialSpec trial) {
                progress.started();
                return executor.run(trial);
            }

            @Override
            public TrialRecord crashed(TrialSpec trial, Throwable error) {
                return executor.crashed(trial, error);
            }
        };
    }

    private java.util.function.Consumer<TrialRecord> progressLine(int total) {
        AtomicInteger done = new AtomicInteger();
        String counter = "[%" + String.valueOf(total).length() + "d/%d] %-7s %s #%d  %.1f s%s%s%n";
        return r -> out.printf(Locale.ROOT, counter, done.incrementAndGet(), total, r.status().wireName(), r.taskId(), r.attempt(),
            r.totalMs() / 1000.0, r.usage().steps() == 0 ? "" : ", " + r.usage().steps() + " steps"
                + (r.usage().limitHit() == null ? "" : " (" + r.usage().limitHit() + " limit)"),
            r.errorKind() == null ? "" : "  " + r.errorKind().wireName() + ": " + firstLine(r.errorMessage()));
    }

    private List<Dataset> loadDatasets() {
        List<Dataset> datasets = new ArrayList<>();
        for (Path path : options.datasets()) {
            Dataset dataset = Dataset.load(path, options.datasetOptions()).map(options.trial().timeouts()::apply);
            for (TaskProblem problem : dataset.problems()) {
                out.println((problem.isError() ? "skipping a task: " : "") + problem);
            }
            out.printf(Locale.ROOT, "Dataset %s: %s tasks, fingerprint %s%n", dataset.name(), dataset.tasks().size() == dataset.loaded()
                ? Integer.toString(dataset.loaded()) : dataset.tasks().size() + " of " + dataset.loaded(), dataset.fingerprint().substring(0, 16));
            datasets.add(dataset);
        }
        if (datasets.stream().allMatch(d -> d.tasks().isEmpty())) {
            throw new IllegalArgumentException("no task could be loaded from " + options.datasets() + "; see the problems above");
        }
        return datasets;
    }

    /** Says so when tasks that did not ask for network ran without it and did not pass. */
    private Optional<String> networkNote(List<TrialRecord> records, List<Dataset> datasets) {
        if (options.trial().network() != NetworkPolicy.TASK) {
            return Optional.empty();
        }
        List<String> unsure = records.stream()
            .filter(r -> r.status() != TrialStatus.PASSED && r.errorKind() != ErrorKind.CANCELLED)
            .map(TrialRecord::taskId).distinct()
            .filter(id -> datasets.stream().flatMap(d -> d.tasks().stream())
                .anyMatch(t -> t.id().equals(id) && t.environment().networkMode() == null))
            .sorted().toList();
        if (unsure.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("note: " + unsure.size() + " task(s) that did not pass ran without network because they do not set "
            + "[environment] network_mode (Gauntlet defaults to none; Harbor to public): " + String.join(", ", unsure)
            + ". If they need it, set network_mode = \"public\" or pass --network public.");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
