package dev.gauntlet.benchmarks.scheduler;

import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.agent.AgentSettings;
import dev.gauntlet.harness.model.ModelSettings;
import dev.gauntlet.harness.model.Prices;
import dev.gauntlet.harness.run.ErrorBudget;
import dev.gauntlet.harness.run.EvalRun;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.LiveSandboxes;
import dev.gauntlet.sandbox.docker.DockerBackend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many long trials at once on the Docker backend: N trials of S steps, each step waiting L ms for a scripted model
 * (a timer, no thread held) and then running one command in its sandbox. The task has no network (like the e2e
 * benchmark's), so each sandbox starts without the engine's per-start network setup. Samples this JVM's heap and platform
 * threads while it runs; {@code max_in_flight} is the most trials whose agents were running at the same moment,
 * from the records' own phase times. Progress goes to stderr; the last line on stdout is one JSON object.
 */
public final class ConcurrencyBenchmark {

    private ConcurrencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = 1000;
        int steps = 100;
        long latencyMs = 2000;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--trials" -> trials = Integer.parseInt(args[i + 1]);
                case "--steps" -> steps = Integer.parseInt(args[i + 1]);
                case "--model-latency-ms" -> latencyMs = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: concurrency [--trials N] [--steps S] [--model-latency-ms L]");
            }
        }
        Path work = Files.createTempDirectory("gauntlet-concurrency");
        try {
            Path dataset = dataset(work);
            Path script = script(work, steps, latencyMs);
            RunOptions options = new RunOptions(List.of(dataset), List.of("bash"), List.of("scripted:" + script), trials, trials, work.resolve("run"),
                TrialOptions.defaults(), Math.max(trials, LiveSandboxes.defaultMax()),
                new AgentSettings(Prices.builtIn(), false, null, List.of(), Map.of()),
                new AgentLimits(steps + 1, Long.MAX_VALUE, Long.MAX_VALUE, null, Duration.ofMinutes(1), AgentLimits.DEFAULT_MAX_TOKENS_PER_REPLY),
                new ModelSettings(null, null, 0, Map.of()), ErrorBudget.UNLIMITED, RunOptions.DEFAULT_GRACE_PERIOD);
            Sampler sampler = Sampler.start();
            long start = System.nanoTime();
            EvalRun.Result result;
            try (DockerBackend backend = DockerBackend.connect(dev.gauntlet.sandbox.docker.DockerHost.fromEnvironment())) {
                result = new EvalRun(options, backend, System.err).execute();
            } finally {
                sampler.stop();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<TrialRecord> records = TrialRecordReader.readAll(result.dir().trials());
            long passed = records.stream().filter(r -> r.status() == TrialStatus.PASSED).count();
            System.out.printf(Locale.ROOT, "{\"benchmark\": \"concurrency\", \"trials\": %d, \"steps\": %d, \"model_latency_ms\": %d, "
                    + "\"passed\": %d, \"max_in_flight\": %d, \"heap_mb_max\": %d, \"platform_threads_max\": %d, \"wall_s\": %.1f, "
                    + "\"trials_per_s\": %.3f}%n",
                trials, steps, latencyMs, passed, maxAgentsAtOnce(records), sampler.heapMax.get() / (1024 * 1024),
                Math.max(sampler.threadsMax.get(), ManagementFactory.getThreadMXBean().getPeakThreadCount()), seconds, trials / seconds);
        } finally {
            delete(work);
        }
    }

    /** The most agent phases that overlapped, from each record's start and phase durations. */
    static int maxAgentsAtOnce(List<TrialRecord> records) {
        List<long[]> edges = new ArrayList<>();
        for (TrialRecord r : records) {
            long begin = r.startedAt().toEpochMilli() + r.setupMs();
            edges.add(new long[] {begin, 1});
            edges.add(new long[] {begin + r.agentMs(), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int max = 0;
        for (long[] edge : edges) {
            now += (int) edge[1];
            max = Math.max(max, now);
        }
        return max;
    }

    private static Path dataset(Path work) throws IOException {
        Path task = work.resolve("set/steps");
        Files.createDirectories(task.resolve("tests"));
        Files.createDirectories(task.resolve("solution"));
        Files.writeString(task.resolve("task.toml"), "[task]\nname = \"steps\"\n[agent]\ntimeout_sec = 3600\n"
            + "[environment]\ndocker_image = \"debian:bookworm-slim\"\nnetwork_mode = \"no-network\"\n");
        Files.writeString(task.resolve("instruction.md"), "Run the steps.\n");
        Files.writeString(task.resolve("solution/solve.sh"), "true\n");
        Files.writeString(task.resolve("tests/test.sh"),
            "test -s /tmp/steps && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        return work.resolve("set");
    }

    private static Path script(Path work, int steps, long latencyMs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            lines.add("{\"latency_ms\": " + latencyMs + ", \"tool_calls\": [{\"name\": \"bash\", \"arguments\": {\"command\": \"echo step "
                + s + " >> /tmp/steps\"}}]}");
        }
        return Files.write(work.resolve("script.jsonl"), lines);
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Heap in use and platform threads, sampled every 100 ms on a daemon thread. */
    private static final class Sampler {
        final AtomicLong heapMax = new AtomicLong();
        final AtomicLong threadsMax = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);

        static Sampler start() {
            Sampler sampler = new Sampler();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Thread.ofPlatform().daemon().name("sampler").start(() -> {
                while (sampler.running.get()) {
                    sampler.heapMax.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    sampler.threadsMax.accumulateAndGet(threads.getThreadCount(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return sampler;
        }

        void stop() {
            running.set(false);
        }
    }
}
