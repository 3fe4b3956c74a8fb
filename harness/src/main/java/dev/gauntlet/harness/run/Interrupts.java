package dev.gauntlet.harness.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C in two stages while a run is on: the first SIGINT calls {@code stop} (start no more trials, let the
 * running ones finish within a grace period), a second calls {@code cancel} (cancel them now). SIGTERM, as sent by a
 * CI runner or a supervisor about to kill, cancels at once. Either way the run still writes its records and
 * removes its sandboxes; {@link #close()} puts the previous handlers back.
 */
final class Interrupts implements AutoCloseable {

    private final AtomicInteger interrupts = new AtomicInteger();
    private final Runnable stop;
    private final Runnable cancel;
    private final List<Restore> previous = new ArrayList<>();

    private record Restore(Signal signal, SignalHandler handler) {
    }

    private Interrupts(Runnable stop, Runnable cancel) {
        this.stop = stop;
        this.cancel = cancel;
    }

    static Interrupts install(Runnable stop, Runnable cancel) {
        Interrupts interrupts = new Interrupts(stop, cancel);
        interrupts.handle("INT", signal -> {
            if (interrupts.interrupts.incrementAndGet() == 1) {
                interrupts.stop.run();
            } else {
                interrupts.cancel.run();
            }
        });
        interrupts.handle("TERM", signal -> {
            interrupts.interrupts.incrementAndGet();
            interrupts.cancel.run();
        });
        return interrupts;
    }

    /** True once a signal arrived. */
    boolean interrupted() {
        return interrupts.get() > 0;
    }

    private void handle(String name, SignalHandler handler) {
        Signal signal = new Signal(name);
        previous.add(new Restore(signal, Signal.handle(signal, handler)));
    }

    @Override
    public void close() {
        previous.forEach(r -> Signal.handle(r.signal(), r.handler()));
    }
}
