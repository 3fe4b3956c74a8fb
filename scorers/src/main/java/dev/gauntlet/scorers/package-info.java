/** Scorers turn what a trial left in its sandbox into a {@link dev.gauntlet.scorers.Score}. */
package dev.gauntlet.scorers;
