package dev.gauntlet.benchmarks.scheduler;

import dev.gauntlet.harness.model.Message;
import dev.gauntlet.harness.model.ModelClient;
import dev.gauntlet.harness.model.ModelReply;
import dev.gauntlet.harness.model.ModelRequest;
import dev.gauntlet.harness.model.ToolCall;
import dev.gauntlet.harness.model.Usage;
import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.LiveSandboxes;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxPool;
import dev.gauntlet.sandbox.SandboxNetwork;
import dev.gauntlet.sandbox.SandboxSpec;
import dev.gauntlet.scheduler.Scheduler;
import dev.gauntlet.scheduler.TrialRunner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scheduler's cost per trial: {@value #TRIALS} trials per invocation fanned out by {@link Scheduler} at
 * concurrency {@value #CONCURRENCY}, each on its own virtual thread taking a sandbox from a real {@link SandboxPool}
 * (over in-memory sandboxes, under a {@link LiveSandboxes} limit), asking an in-memory model for a command, running
 * it, giving the sandbox back and handing a {@link TrialRecord} to the sink. The baseline does the same trial work
 * in a plain loop on one thread, with no scheduler and no pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SchedulerBenchmark {

    static final int TRIALS = 10_000;
    static final int CONCURRENCY = 1_000;

    private Vertx vertx;
    private InMemoryBackend backend;
    private LiveSandboxes live;
    private SandboxPool pool;
    private final ModelClient model = new InstantModel();
    private final LongAdder recorded = new LongAdder();
    private List<Integer> trials;

    @Setup(Level.Trial)
    public void setUp() {
        vertx = Vertx.vertx();
        backend = new InMemoryBackend();
        live = new LiveSandboxes(CONCURRENCY * 2);
        pool = new SandboxPool(backend, new SandboxSpec("memory:image", "bench", "pool", SandboxNetwork.NONE, 1, 256, 64, Map.of(), null,
            Duration.ofMinutes(5)), live, CONCURRENCY);
        trials = new ArrayList<>(TRIALS);
        for (int i = 0; i < TRIALS; i++) {
            trials.add(i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
        vertx.close().await();
    }

    @Benchmark
    public long scheduled() {
        recorded.reset();
        try (Scheduler scheduler = new Scheduler(vertx, CONCURRENCY)) {
            scheduler.run(trials, new TrialRunner<Integer, TrialRecord>() {
                @Override
                public TrialRecord run(Integer trial) {
                    try (Sandbox sandbox = pool.acquire()) {
                        return trial(trial, sandbox);
                    }
                }

                @Override
                public TrialRecord crashed(Integer trial, Throwable error) {
                    throw new IllegalStateException(error);
                }
            }, r -> recorded.increment()).await();
        }
        if (recorded.sum() != TRIALS) {
            throw new IllegalStateException("recorded " + recorded.sum() + " of " + TRIALS);
        }
        return recorded.sum();
    }

    @Benchmark
    public long baseline() {
        recorded.reset();
        Sandbox sandbox = backend.create(null);
        for (Integer trial : trials) {
            trial(trial, sandbox);
            recorded.increment();
        }
        return recorded.sum();
    }

    private TrialRecord trial(int trial, Sandbox sandbox) {
        ModelReply reply = model.complete(new ModelRequest(List.of(Message.user("go")), List.of(), 100)).await();
        ExecResult result = sandbox.exec(ExecRequest.of(reply.toolCalls().getFirst().arguments(), Duration.ofSeconds(10)));
        Instant now = Instant.now();
        return new TrialRecord("bench", "trial-" + trial, "bench", "task", "hash", "bench", "memory", 1,
            result instanceof ExecResult.Completed ? TrialStatus.PASSED : TrialStatus.ERROR, null, null, 1.0, Map.of("reward", 1.0),
            now, now, 0, 0, 0, 0, "memory:image", sandbox.id(), AgentUsage.NONE, 0);
    }

    /** Replies at once with one command. */
    private static final class InstantModel implements ModelClient {
        private static final ModelReply REPLY = new ModelReply("", List.of(new ToolCall("call", "bash", "true")), Usage.NONE, "tool_calls", 0);

        @Override
        public String spec() {
            return "memory";
        }

        @Override
        public String model() {
            return "memory";
        }

        @Override
        public Future<ModelReply> complete(ModelRequest request) {
            return Future.succeededFuture(REPLY);
        }
    }
}
