/**
 * The scheduler: fans trials out with bounded concurrency. It knows nothing of agents or models; it runs
 * whatever {@link dev.gauntlet.scheduler.TrialRunner} it is given, each trial on its own virtual thread,
 * and coordinates on a Vert.x context so no trial code ever blocks an event loop.
 */
package dev.gauntlet.scheduler;
