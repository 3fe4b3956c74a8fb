package dev.gauntlet.scorers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodeScorerTest {

    @Test
    void zeroPassesAndAnythingElseFailsWithTheCode() {
        ExitCodeScorer scorer = new ExitCodeScorer();
        var task = Samples.task("q", "t");

        assertThat(scorer.score(new Submission(task, null, 0, null))).isEqualTo(Score.Value.of(1, null));
        assertThat(scorer.score(new Submission(task, null, 1, null))).isEqualTo(Score.Value.of(0, "the verifier script exited with 1"));
        assertThat(scorer.score(new Submission(task, null, null, null))).isInstanceOf(Score.Unscored.class);
    }
}
