package dev.gauntlet.scorers;

/** Terminal-Bench 1: the verifier script's exit code decides; 0 is reward 1, anything else 0. */
public final class ExitCodeScorer implements Scorer {

    @Override
    public String name() {
        return "exit_code";
    }

    @Override
    public Score score(Submission submission) {
        Integer code = submission.verifierExitCode();
        if (code == null) {
            return new Score.Unscored("no verifier script ran, so there is no exit code to score");
        }
        return code == 0 ? Score.Value.of(1, null) : Score.Value.of(0, "the verifier script exited with " + code);
    }
}
