package dev.gauntlet.scheduler;

/**
 * Runs one trial to its result. Called on a virtual thread, so it may block.
 *
 * @param <T> the trial
 * @param <R> its result
 */
public interface TrialRunner<T, R> {

    /**
     * Runs the trial. Failures of the trial are part of its result; an interrupt means the run was
     * cancelled, and the result should say so.
     */
    R run(T trial);

    /** The result of a trial whose {@link #run} threw; a bug, recorded rather than lost. */
    R crashed(T trial, Throwable error);
}
