package dev.gauntlet.benchmarks;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.LiveSandboxes;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxPool;
import dev.gauntlet.sandbox.SandboxNetwork;
import dev.gauntlet.sandbox.SandboxSpec;
import dev.gauntlet.sandbox.docker.DockerBackend;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The Docker sandbox layer, measured in one run on one image: cold start, warm-pool acquire, a command's round trip
 * through a shell session against a fresh docker-java exec, snapshot, 100 forks of a snapshot, and what 1,000 open
 * sessions cost this JVM. Progress goes to stderr; the last line on stdout is one JSON object. Everything it makes
 * carries one run id and is removed at the end, whatever happened.
 */
public final class SandboxBenchmark {

    static final String IMAGE = "debian:bookworm-slim";
    static final ExecRequest TRUE = ExecRequest.of("true", Duration.ofSeconds(10));
    static final int COLD_STARTS = 40;
    static final int ACQUIRES = 200;
    static final int ACQUIRE_WARMUP = 20;
    static final int POOL_TARGET = 4;
    static final int EXEC_WARMUP = 100;
    static final int EXECS = 2000;
    static final int DOCKER_EXECS = 100;
    static final int SNAPSHOTS = 5;
    static final int FORKS = 100;
    static final int SESSION_SANDBOXES = 50;
    static final int USERS_PER_SANDBOX = 20;
    /** Containers created at once: the daemon serialises most of the work, more only queues there. */
    static final int CREATE_CONCURRENCY = 12;

    private final DockerBackend backend = DockerBackend.connect(dev.gauntlet.sandbox.docker.DockerHost.fromEnvironment());
    private final DockerClient docker = dockerJava();
    private final String runId = "bench-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final SandboxSpec spec = spec(IMAGE);
    private final List<String> snapshots = new ArrayList<>();
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private final AtomicInteger createRetries = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        SandboxBenchmark bench = new SandboxBenchmark();
        Runtime.getRuntime().addShutdownHook(new Thread(bench::cleanUp)); // Ctrl-C
        Thread body = Thread.ofVirtual().name("benchmark").start(() -> {
            try {
                bench.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            } finally {
                bench.cleanUp();
            }
        });
        body.join();
        if (bench.result.containsKey("sessions_open")) {
            System.out.println(json(bench.result));
        } else {
            System.exit(1);
        }
    }

    void run() throws Exception {
        log("run " + runId + " on " + IMAGE);
        result.put("image", IMAGE);
        coldStart();
        acquire();
        try (Sandbox sandbox = backend.create(spec)) {
            execRoundTrip(sandbox);
            snapshot(sandbox);
        }
        fork(snapshots.getLast());
        sessions();
    }

    void coldStart() {
        log("cold start: backend.create x " + COLD_STARTS);
        Histogram h = histogram();
        for (int i = 0; i < COLD_STARTS; i++) {
            long start = System.nanoTime();
            Sandbox sandbox = backend.create(spec);
            record(h, start);
            sandbox.close();
        }
        percentiles("cold_start", h);
        result.put("cold_start_samples", h.getTotalCount());
    }

    void acquire() throws InterruptedException {
        log("warm pool: acquire x " + ACQUIRES + " (after " + ACQUIRE_WARMUP + " untimed) from a full pool of " + POOL_TARGET);
        Histogram h = histogram();
        try (SandboxPool pool = new SandboxPool(backend, spec, new LiveSandboxes(2000), POOL_TARGET)) {
            for (int i = 0; i < ACQUIRE_WARMUP + ACQUIRES; i++) {
                // a full pool has nothing in the making, so the engine is not busy creating when we acquire
                while (pool.ready() < POOL_TARGET) {
                    Thread.sleep(1);
                }
                long start = System.nanoTime();
                Sandbox sandbox = pool.acquire();
                if (i >= ACQUIRE_WARMUP) {
                    record(h, start);
                }
                sandbox.close();
            }
        }
        percentiles("acquire", h);
        result.put("acquire_samples", h.getTotalCount());
    }

    void execRoundTrip(Sandbox sandbox) throws InterruptedException {
        log("exec round trip: session exec(\"true\") x " + EXECS + " after " + EXEC_WARMUP + " to warm up");
        for (int i = 0; i < EXEC_WARMUP; i++) {
            check(sandbox.exec(TRUE));
        }
        Histogram session = histogram();
        for (int i = 0; i < EXECS; i++) {
            long start = System.nanoTime();
            ExecResult done = sandbox.exec(TRUE);
            record(session, start);
            check(done);
        }
        percentiles("exec_rtt", session);
        result.put("exec_rtt_samples", session.getTotalCount());

        log("docker-java exec: create + start + await + inspect x " + DOCKER_EXECS + " on the same container");
        Histogram fresh = histogram();
        for (int i = -5; i < DOCKER_EXECS; i++) {
            long start = System.nanoTime();
            String exec = docker.execCreateCmd(sandbox.id()).withCmd("true").withAttachStdout(true).withAttachStderr(true).exec().getId();
            docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion();
            Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
            if (i >= 0) {
                record(fresh, start);
            }
            if (code == null || code != 0) {
                throw new IllegalStateException("docker exec true ended with " + code);
            }
        }
        double dockerP50 = ms(fresh.getValueAtPercentile(50));
        result.put("docker_exec_p50_ms", dockerP50);
        result.put("docker_exec_samples", fresh.getTotalCount());
        result.put("exec_rtt_ratio", round(dockerP50 / ms(session.getValueAtPercentile(50))));
    }

    void snapshot(Sandbox sandbox) {
        log("snapshot x " + SNAPSHOTS);
        Histogram h = histogram();
        for (int i = 0; i < SNAPSHOTS; i++) {
            String name = runId + "-" + i;
            long start = System.nanoTime();
            snapshots.add(sandbox.snapshot(name));
            record(h, start);
        }
        result.put("snapshot_ms", ms(h.getValueAtPercentile(50)));
        result.put("snapshot_samples", h.getTotalCount());
    }

    void fork(String snapshot) throws InterruptedException {
        log(FORKS + " sandboxes from " + snapshot + ", " + CREATE_CONCURRENCY + " at a time, each with its shell open");
        Queue<Sandbox> forks = new ConcurrentLinkedQueue<>();
        SandboxSpec forkSpec = spec(snapshot);
        long start = System.nanoTime();
        int made = inParallel(FORKS, CREATE_CONCURRENCY, i -> {
            Sandbox sandbox = create(forkSpec);
            forks.add(sandbox);
            check(sandbox.exec(TRUE));
        });
        result.put("fork_100_s", round(millis(start) / 1000));
        result.put("fork_samples", made);
        inParallel(forks.size(), CREATE_CONCURRENCY, i -> forks.poll().close());
    }

    void sessions() throws InterruptedException {
        int total = SESSION_SANDBOXES * USERS_PER_SANDBOX;
        log(total + " sessions: " + SESSION_SANDBOXES + " sandboxes x " + USERS_PER_SANDBOX + " users, opened in parallel");
        List<Sandbox> sandboxes = new ArrayList<>();
        inParallel(SESSION_SANDBOXES, CREATE_CONCURRENCY, i -> {
            Sandbox sandbox = create(spec);
            synchronized (sandboxes) {
                sandboxes.add(sandbox);
            }
        });
        System.gc();
        result.put("platform_threads_before_sessions", ManagementFactory.getThreadMXBean().getThreadCount());
        int open = inParallel(total, total, i -> {
            Sandbox sandbox = sandboxes.get(i % sandboxes.size());
            check(sandbox.exec(TRUE.withUser(String.valueOf(1000 + i / sandboxes.size()))));
        });
        System.gc();
        result.put("platform_threads_at_1000_sessions", ManagementFactory.getThreadMXBean().getThreadCount());
        result.put("heap_mb_at_1000_sessions", round(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0));
        result.put("sessions_open", open);
        result.put("create_retries", createRetries.get());
        log("closing the " + sandboxes.size() + " sandboxes");
        inParallel(sandboxes.size(), CREATE_CONCURRENCY, i -> sandboxes.get(i).close());
    }

    /**
     * {@code backend.create}, tried up to three times: container names carry only 16 random bits, so among ~100
     * sandboxes of one trial id a name is sometimes taken (409 Conflict).
     */
    Sandbox create(SandboxSpec of) {
        for (int attempt = 1; ; attempt++) {
            try {
                return backend.create(of);
            } catch (SandboxException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("is already in use")) {
                    throw e;
                }
                createRetries.incrementAndGet();
                log("retrying a create: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    /** Removes every sandbox of this run, then the snapshots; reports what it could not remove. */
    void cleanUp() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        log("cleaning up run " + runId);
        try {
            backend.removeSandboxes(runId);
        } catch (RuntimeException e) {
            log("could not remove the sandboxes of run " + runId + ": " + e.getMessage());
        }
        for (String snapshot : snapshots) {
            try {
                docker.removeImageCmd(snapshot).exec();
            } catch (NotFoundException ignored) {
                // already gone
            } catch (RuntimeException e) {
                log("could not remove snapshot " + snapshot + ": " + e.getMessage());
            }
        }
        backend.close();
        try {
            docker.close();
        } catch (Exception ignored) {
            // closing
        }
    }

    /** Runs {@code task(0..n-1)} on virtual threads, at most {@code limit} at once; returns how many succeeded. */
    static int inParallel(int n, int limit, Task task) throws InterruptedException {
        Semaphore permits = new Semaphore(limit);
        AtomicInteger ok = new AtomicInteger();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                permits.acquire();
                threads.submit(() -> {
                    try {
                        task.run(index);
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        log("task " + index + " failed: " + e.getMessage());
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        return ok.get();
    }

    interface Task {
        void run(int index);
    }

    SandboxSpec spec(String image) {
        return new SandboxSpec(image, runId, "bench", SandboxNetwork.NONE, 1, 256, 256, Map.of(), null, Duration.ofMinutes(30));
    }

    static DockerClient dockerJava() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).maxConnections(64).build();
        return DockerClientImpl.getInstance(config, http);
    }

    static void check(ExecResult result) {
        if (!(result instanceof ExecResult.Completed done) || done.exitCode() != 0) {
            throw new IllegalStateException("exec true did not succeed: " + result);
        }
    }

    static Histogram histogram() {
        return new Histogram(3);
    }

    static void record(Histogram h, long startNanos) {
        h.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1000));
    }

    void percentiles(String name, Histogram h) {
        result.put(name + "_p50_ms", ms(h.getValueAtPercentile(50)));
        result.put(name + "_p99_ms", ms(h.getValueAtPercentile(99)));
        log(String.format("  %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms", name, ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(99)), ms(h.getMaxValue())));
    }

    static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static String json(Map<String, Object> values) {
        return values.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
            .collect(Collectors.joining(",", "{", "}"));
    }

    static void log(String line) {
        System.err.println("[sandbox bench] " + line);
    }
}
