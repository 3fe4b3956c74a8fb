/**
 * Scorers turn what a trial left into a {@link dev.gauntlet.scorers.Score}: Harbor's reward files
 * ({@link dev.gauntlet.scorers.RewardFileScorer}), Terminal-Bench 1's exit code
 * ({@link dev.gauntlet.scorers.ExitCodeScorer}), and for answer-style samples the scorers of
 * {@link dev.gauntlet.scorers.AnswerScorers}: exact, includes, regex, numeric, JSON field, model-graded and a custom
 * command.
 */
package dev.gauntlet.scorers;
