package dev.gauntlet.scorers;

import dev.gauntlet.datasets.Verification;

/**
 * Compares the agent's answer with each target; the answer passes when it matches any. No answer is a fail, not an
 * error: the agent did not do what it was asked.
 */
abstract class AnswerScorer implements Scorer {

    @Override
    public final Score score(Submission submission) {
        String answer = submission.answer();
        if (answer == null) {
            return Score.Value.of(0, "no answer: the agent wrote no " + Verification.ANSWER_FILE);
        }
        if (submission.targets().isEmpty()) {
            return new Score.Unscored("the " + name() + " scorer needs a target, and the sample has none");
        }
        Score.Value best = null;
        for (String target : submission.targets()) {
            Score score = match(answer, target);
            if (score instanceof Score.Unscored) {
                return score;
            }
            Score.Value value = (Score.Value) score;
            if (best == null || value.reward() > best.reward()) {
                best = value;
            }
        }
        return best;
    }

    /** Scores {@code answer} against one {@code target}: a value of 1 or 0 with the reason, or unscored. */
    abstract Score match(String answer, String target);

    static Score.Value pass() {
        return Score.Value.of(1, null);
    }

    static Score.Value fail(String why) {
        return Score.Value.of(0, why);
    }
}
