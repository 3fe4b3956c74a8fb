package dev.gauntlet.scorers;

/**
 * Scores a trial from what it left: a reward file, an exit code, or an answer compared with the targets. Scorers
 * are found by name ({@link AnswerScorers#parse}); the name is recorded with every score.
 */
public interface Scorer {

    /** The name recorded with the score, e.g. {@code reward_file}, {@code exact}, {@code model:openai/gpt-4o}. */
    String name();

    /**
     * Scores the submission. A wrong answer is a {@link Score.Value} of 0 with the reason; {@link Score.Unscored} is
     * for what makes scoring itself impossible (a missing reward file, a target that is not a valid pattern).
     * Infrastructure failures throw {@link dev.gauntlet.sandbox.SandboxException}; a judge model's failure
     * {@link JudgeException}.
     */
    Score score(Submission submission);
}
