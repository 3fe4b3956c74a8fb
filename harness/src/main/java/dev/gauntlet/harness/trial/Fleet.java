package dev.gauntlet.harness.trial;

import dev.gauntlet.sandbox.LiveSandboxes;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxBackend;
import dev.gauntlet.sandbox.SandboxException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The engines a run's sandboxes are placed on. Each trial goes to the engine that is up and has the most free
 * capacity, and among equals to one that already has the task's image and snapshot; every engine makes its own
 * images, snapshots and warm pools on first use. An engine whose call fails and that then does not answer a ping, or
 * that misses {@link #SILENT_PINGS} periodic pings in a row, is marked down: the threads of its running trials are
 * interrupted (their calls to it end, even if it hangs rather than dies) so they fail as {@code sandbox} errors and
 * are retried on another engine under the retry policy, and {@link #check()} takes it back once it answers again.
 */
public final class Fleet implements AutoCloseable {

    /** How long an engine has to answer a ping before it counts as down. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

    /** Periodic pings an engine may miss in a row (a loaded engine can be slow once) before it counts as down. */
    static final int SILENT_PINGS = 2;

    /** One engine and how many sandboxes it may hold at once, running or warm. */
    public record Engine(SandboxBackend backend, int capacity) {
        public Engine {
            if (capacity < 1) {
                throw new IllegalArgumentException("the capacity of engine " + backend.host() + " must be at least 1, got " + capacity);
            }
        }
    }

    /** A trial's sandbox, the image it came from, the engine's address and its sandboxes (for a fresh verifier). */
    public record Placed(String host, String image, Sandbox sandbox, WarmSandboxes engine) {
    }

    private final class Member {
        final Engine engine;
        volatile WarmSandboxes sandboxes;
        volatile boolean up = true;
        int silentPings;
        /** The threads of the trials placed here, interrupted if the engine stops answering mid-call. */
        final Set<Thread> trials = ConcurrentHashMap.newKeySet();

        Member(Engine engine, List<TrialSpec> order) {
            this.engine = engine;
            this.sandboxes = warm(engine, order);
        }

        String host() {
            return engine.backend().host();
        }

        /**
         * Capacity not taken by this run's trials here. Warm sandboxes do not count: they wait for the next trials, and
         * counting them steered every trial away from the engine whose pools happened to be fuller.
         */
        int free() {
            return engine.capacity() - trials.size();
        }
    }

    private final List<Member> members;
    private final NetworkPolicy network;
    private final List<TrialSpec> order;
    private final int concurrency;
    private final int totalCapacity;
    private final Duration setupTimeout;
    private final String runId;
    private final Consumer<String> events;
    private final AtomicBoolean checking = new AtomicBoolean();
    private int started;

    /**
     * @param events receives one line for each engine that goes down or comes back, and for what is left on one
     */
    public Fleet(List<Engine> engines, NetworkPolicy network, List<TrialSpec> order, int concurrency, Duration setupTimeout,
                 String runId, Consumer<String> events) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one engine");
        }
        this.network = network;
        this.order = List.copyOf(order);
        this.concurrency = concurrency;
        this.totalCapacity = engines.stream().mapToInt(Engine::capacity).sum();
        if (totalCapacity < concurrency) {
            throw new IllegalArgumentException("the engines hold " + totalCapacity + " sandboxes in all (" + engines.stream()
                .map(e -> e.backend().host() + ": " + e.capacity()).toList() + "), fewer than --concurrency " + concurrency);
        }
        this.setupTimeout = setupTimeout;
        this.runId = runId;
        this.events = events;
        this.members = engines.stream().map(e -> new Member(e, this.order)).toList();
    }

    /** Each engine's share of the look-ahead window is its share of the capacity. */
    private WarmSandboxes warm(Engine engine, List<TrialSpec> upcoming) {
        int window = (int) Math.max(1, Math.ceil((double) concurrency * engine.capacity() / totalCapacity));
        return new WarmSandboxes(engine.backend(), network, new LiveSandboxes(engine.capacity()), upcoming, window, setupTimeout);
    }

    /** Starts preparing the first trials' sandboxes on every engine. */
    public void start() {
        members.forEach(m -> m.sandboxes.start());
    }

    /** A sandbox for this trial from a warm pool on the engine with the most free capacity. */
    Placed acquire(TrialSpec trial) {
        return place(trial, false);
    }

    /** A fresh sandbox, not pooled, for a trial that runs again after an error. */
    Placed acquireAgain(TrialSpec trial) {
        return place(trial, true);
    }

    private Placed place(TrialSpec trial, boolean again) {
        while (true) {
            Member chosen = choose(trial);
            WarmSandboxes sandboxes = chosen.sandboxes;
            if (!enter(chosen)) {
                continue;
            }
            try {
                WarmSandboxes.Acquired acquired = again ? sandboxes.acquireAgain(trial) : sandboxes.acquire(trial);
                if (!again) {
                    startedElsewhere(chosen, trial);
                }
                return new Placed(chosen.host(), acquired.image(), acquired.sandbox(), sandboxes);
            } catch (RuntimeException e) {
                leave(chosen);
                if (!lost(chosen)) {
                    throw e;
                }
                markDown(chosen, e.getMessage());
                Thread.interrupted(); // the fleet's own interrupt, if it came from there: not a cancellation
            }
        }
    }

    /** Counts this thread as a trial on the engine, unless it is down. */
    private boolean enter(Member m) {
        synchronized (m) {
            if (!m.up) {
                return false;
            }
            m.trials.add(Thread.currentThread());
            return true;
        }
    }

    private static void leave(Member m) {
        synchronized (m) {
            m.trials.remove(Thread.currentThread());
        }
    }

    /**
     * Called by the trial's thread when it is done with its engine. No interrupt reaches the thread from the fleet
     * after this; one that came before, because the engine went down, is cleared, as it is no cancellation.
     */
    void release(Placed placed) {
        Member m = member(placed);
        leave(m);
        if (!m.up) {
            Thread.interrupted();
        }
    }

    /** Whether the engine a trial was placed on is marked down. */
    boolean down(Placed placed) {
        return !member(placed).up;
    }

    /** Whether the engine a trial was placed on is down: marked so already, or silent now when pinged. */
    private boolean lost(Member m) {
        return !m.up || !answers(m);
    }

    private Member member(Placed placed) {
        return members.stream().filter(m -> m.host().equals(placed.host())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no engine " + placed.host() + " in this run"));
    }

    private synchronized void startedElsewhere(Member chosen, TrialSpec trial) {
        started++;
        members.stream().filter(m -> m != chosen && m.up).forEach(m -> m.sandboxes.startedElsewhere(trial));
    }

    private Member choose(TrialSpec trial) {
        return members.stream().filter(m -> m.up)
            .max(Comparator.comparingInt(Member::free).thenComparing(m -> m.sandboxes.ready(trial)))
            .orElseThrow(() -> new SandboxException("no engine is up: " + members.stream().map(Member::host).toList()
                + " all stopped answering"));
    }

    /** Pings every engine: marks the silent ones down and takes back the ones that answer again. */
    public void check() {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Member m : members) {
                boolean answers = answers(m);
                m.silentPings = answers ? 0 : m.silentPings + 1;
                if (m.up && m.silentPings >= SILENT_PINGS) {
                    markDown(m, "it did not answer " + SILENT_PINGS + " pings in a row within " + PING_TIMEOUT.toSeconds() + " s each");
                } else if (!m.up && answers) {
                    takeBack(m);
                }
            }
        } finally {
            checking.set(false);
        }
    }

    /** Whether the engine a trial was placed on still answers; marks it down when not. */
    boolean answers(Placed placed) {
        Member m = member(placed);
        if (!m.up) {
            return false;
        }
        if (!answers(m)) {
            markDown(m, "a call to it failed and it did not answer a ping within " + PING_TIMEOUT.toSeconds() + " s");
            return false;
        }
        return true;
    }

    /** Engines up, of all. */
    public long up() {
        return members.stream().filter(m -> m.up).count();
    }

    public int size() {
        return members.size();
    }

    /** Pings the engine on a thread of its own; one that gets no answer in time is interrupted, closing its socket. */
    private static boolean answers(Member m) {
        CompletableFuture<Boolean> ping = new CompletableFuture<>();
        Thread pinging = Thread.ofVirtual().name("ping-" + m.host()).start(() -> ping.complete(m.engine.backend().answers()));
        try {
            return ping.get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            pinging.interrupt();
            return false;
        }
    }

    private synchronized void markDown(Member m, String why) {
        if (!m.up) {
            return;
        }
        synchronized (m) {
            m.up = false;
            if (up() > 0) { // unblocks their calls to it, to be retried elsewhere; with no engine left they wait for it
                m.trials.forEach(Thread::interrupt);
            }
        }
        events.accept("engine " + m.host() + " is down (" + why + "); its running trials fail as sandbox errors and are "
            + "retried on " + (up() == 0 ? "it when it is back" : "the other engines"));
        WarmSandboxes abandoned = m.sandboxes;
        Thread.ofVirtual().name("drain-" + m.host()).start(() -> closeQuietly(abandoned)); // never waited for
    }

    private synchronized void takeBack(Member m) {
        try {
            m.engine.backend().removeSandboxes(runId);
        } catch (RuntimeException e) {
            return; // not back yet
        }
        m.sandboxes = warm(m.engine, order.subList(Math.min(started, order.size()), order.size()));
        m.sandboxes.start();
        synchronized (m) {
            m.up = true;
        }
        events.accept("engine " + m.host() + " answers again and takes trials again");
    }

    /** Drains every pool and removes the run's sandboxes from the engines that are up; says what is left on the others. */
    @Override
    public void close() {
        for (Member m : members) {
            if (m.up) {
                closeQuietly(m.sandboxes);
                try {
                    m.engine.backend().removeSandboxes(runId);
                } catch (RuntimeException e) {
                    events.accept("removing this run's sandboxes from " + m.host() + " failed: " + e.getMessage());
                }
            } else {
                events.accept("engine " + m.host() + " is still down: any sandbox of this run left on it is removed by "
                    + "`gauntlet cleanup --docker-host " + m.host() + "` (or the next run there) once it is back");
            }
        }
    }

    private static void closeQuietly(WarmSandboxes sandboxes) {
        try {
            sandboxes.close();
        } catch (RuntimeException ignored) {
            // sandboxes on an engine that stopped answering
        }
    }
}
