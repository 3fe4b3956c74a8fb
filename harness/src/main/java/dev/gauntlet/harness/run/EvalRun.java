package dev.gauntlet.harness.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.gauntlet.harness.trial.WarmSandboxes;
import dev.gauntlet.sandbox.LiveSandboxes;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One evaluation run from datasets to summary. Ctrl-C (or SIGTERM) cancels the running trials, records them
 * as {@code cancelled}, writes what was recorded and removes every sandbox of the run before the JVM exits.
 */
public final class EvalRun {

    /** How a run ended, and where its records are. */
    public record Result(String runId, RunDirectory dir, RunSummary summary, boolean interrupted) {
    }

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RunOptions options;
    private final SandboxBackend backend;
    private final PrintStream out;
    private final AtomicBoolean interrupted = new AtomicBoolean();

    public EvalRun(RunOptions options, SandboxBackend backend, PrintStream out) {
        this.options = options;
        this.backend = backend;
        this.out = out;
    }

    /**
     * Runs every trial. Throws {@link IllegalArgumentException} when the run cannot start at all (unknown
     * agent, no loadable task, a run directory already in use).
     */
    public Result execute() {
        Agent agent = Agents.create(options.agent(), options.agentSettings());
        if (Agents.needsModel(agent.name()) && options.model() == null) {
            throw new IllegalArgumentException("--agent " + agent.name() + " needs --model (openai/MODEL, anthropic/MODEL, oracle or scripted:FILE)");
        }
        List<Dataset> datasets = loadDatasets();
        String runId = RUN_ID_TIME.format(Instant.now()) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        RunDirectory dir = RunDirectory.create(options.out() != null ? options.out() : Path.of("runs", runId));
        List<TrialSpec> trials = RunPlan.plan(runId, datasets, agent.name(), options.model(), options.attempts());

        int reaped = backend.removeSandboxes(null);
        if (reaped > 0) {
            out.println("Removed " + reaped + " sandbox(es) left behind by runs that are no longer alive");
        }
        out.printf(Locale.ROOT, "Run %s: %d trials (%d tasks x %d attempts), agent %s%s, concurrency %d, network %s%n",
            runId, trials.size(), trials.size() / options.attempts(), options.attempts(), agent.name(),
            options.model() == null ? "" : ", model " + options.model(), options.concurrency(),
            options.trial().network().name().toLowerCase(Locale.ROOT));

        Instant startedAt = Instant.now();
        List<TrialRecord> records = java.util.Collections.synchronizedList(new ArrayList<>());
        PartSink<TrialRecord> sink = new PartSink<>(dir.trials(), TrialRecordWriter::writePart, 100, 10_000);
        PartSink<StepRecord> steps = new PartSink<>(dir.steps(), StepRecordWriter::writePart, 1_000, 10_000);
        sink.onRecord(records::add);
        boolean terminal = Progress.isTerminal();
        Progress progress = new Progress(trials.size(), out, terminal, Progress.DEFAULT_PLAIN_EVERY, System::nanoTime);
        if (!terminal) {
            sink.onRecord(progressLine(trials.size()));
        }
        sink.onRecord(progress::finished);

        Vertx vertx = Vertx.vertx();
        ModelClients models = ModelClients.open(options.model(), options.modelSettings(), vertx);
        List<ModelJudge> judges = java.util.Collections.synchronizedList(new ArrayList<>());
        Scorer answers = options.scoring().answerScorer(spec -> {
            ModelJudge judge = ModelJudge.open(spec, options.modelSettings(), vertx);
            judges.add(judge);
            return judge;
        });
        Scheduler scheduler = new Scheduler(vertx, options.concurrency());
        WarmSandboxes sandboxes = new WarmSandboxes(backend, options.trial().network(), new LiveSandboxes(options.maxSandboxes()), trials,
            options.concurrency());
        sandboxes.start();
        long heartbeat = vertx.setPeriodic(terminal ? Progress.REDRAW_EVERY_MS : Progress.DEFAULT_PLAIN_EVERY.toMillis(), id -> progress.tick());
        TrialExecutor executor = new TrialExecutor(sandboxes, new TrialAgent(agent, models::forTask, options.limits(), steps),
            options.trial(), new TrialLogs(dir.logs()), interrupted::get, answers);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> onInterrupt(scheduler, finished), "gauntlet-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunStats stats;
            try {
                stats = scheduler.run(trials, counted(executor, progress), sink).toCompletionStage().toCompletableFuture().join();
            } finally {
                vertx.cancelTimer(heartbeat);
                progress.close();
                sink.flush();
                steps.flush();
                sandboxes.close();
                backend.removeSandboxes(runId);
                scheduler.close();
                models.close();
                judges.forEach(ModelJudge::close);
                vertx.close();
            }
            List<TrialRecord> all = List.copyOf(records);
            RunSummary summary = RunSummary.of(all, stats.wallTime(), MetricOptions.defaults().withErrors(options.scoring().errors()));
            dir.writeRunJson(runJson(runId, datasets, startedAt, stats, summary));
            out.println();
            SummaryTable.print(summary, out);
            networkNote(all, datasets).ifPresent(out::println);
            if (interrupted.get()) {
                out.println("Interrupted: " + stats.notStarted() + " trial(s) never started; running ones were cancelled and recorded.");
            }
            out.println("Run directory: " + dir.root());
            return new Result(runId, dir, summary, interrupted.get());
        } finally {
            finished.countDown();
            removeHook(hook);
        }
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

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for this run to finish
        }
    }

    private void onInterrupt(Scheduler scheduler, CountDownLatch finished) {
        interrupted.set(true);
        out.println("\nInterrupted: cancelling running trials and removing their sandboxes...");
        scheduler.cancel();
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Dataset> loadDatasets() {
        List<Dataset> datasets = new ArrayList<>();
        for (Path path : options.datasets()) {
            Dataset dataset = Dataset.load(path, options.datasetOptions());
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

    private ObjectNode runJson(String runId, List<Dataset> datasets, Instant startedAt, RunStats stats, RunSummary summary) {
        ObjectNode json = RunDirectory.newJson();
        json.put("run_id", runId);
        json.put("status", interrupted.get() ? "interrupted" : "completed");
        json.put("started_at", startedAt.toString());
        json.put("finished_at", Instant.now().toString());
        json.put("agent", options.agent());
        json.put("model", options.model());
        json.put("attempts", options.attempts());
        json.put("concurrency", options.concurrency());
        json.put("network", options.trial().network().name().toLowerCase(Locale.ROOT));
        json.put("keep_snapshots", options.trial().keepSnapshots().name().toLowerCase(Locale.ROOT));
        json.put("fresh_verifier", options.trial().freshVerifier());
        json.put("max_sandboxes", options.maxSandboxes());
        json.put("max_retries", options.trial().maxRetries());
        json.put("text_mode", options.agentSettings().textMode());
        ObjectNode limits = json.putObject("limits");
        limits.put("max_steps", options.limits().maxSteps());
        limits.put("max_input_tokens", options.limits().maxInputTokens());
        limits.put("max_output_tokens", options.limits().maxOutputTokens());
        if (options.limits().maxCostUsd() != null) {
            limits.put("max_cost_usd", options.limits().maxCostUsd());
        }
        limits.put("command_timeout_s", options.limits().commandTimeout().toSeconds());
        ObjectNode selection = json.putObject("selection");
        options.datasetOptions().include().forEach(selection.putArray("task")::add);
        options.datasetOptions().exclude().forEach(selection.putArray("exclude")::add);
        if (options.datasetOptions().limit() != null) {
            selection.put("limit", options.datasetOptions().limit());
        }
        if (options.datasetOptions().sampleSeed() != null) {
            selection.put("sample_seed", options.datasetOptions().sampleSeed());
        }
        selection.put("sample_image", options.datasetOptions().sampleImage());
        ObjectNode scoring = json.putObject("scoring");
        scoring.put("answer_scorer", options.scoring().scorer());
        scoring.put("rubric", options.scoring().rubric() == null ? null : options.scoring().rubric().toString());
        scoring.put("errors", options.scoring().errors().wireName());
        json.put("planned_trials", stats.planned());
        json.put("not_started", stats.notStarted());
        ArrayNode sets = json.putArray("datasets");
        for (Dataset d : datasets) {
            ObjectNode set = sets.addObject();
            set.put("name", d.name());
            set.put("path", d.root().toString());
            set.put("tasks", d.tasks().size());
            set.put("loaded", d.loaded());
            set.put("fingerprint", d.fingerprint());
            ArrayNode skipped = set.putArray("skipped");
            d.skipped().forEach(p -> skipped.add(p.toString()));
            ArrayNode problems = set.putArray("problems");
            d.problems().forEach(p -> problems.add(p.toString()));
        }
        json.set("summary", SummaryTable.toJson(summary));
        return json;
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
