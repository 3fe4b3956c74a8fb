package dev.gauntlet.scorers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewards read from the copy of /logs/verifier the harness makes anyway, with the same rules as in the sandbox. */
class RewardFromCopyTest {

    @Test
    void rewardJsonComesFirstThenRewardTxtElseNothing(@TempDir Path dir) throws Exception {
        assertThat(RewardFileScorer.fromCopy(dir)).as("neither file: ask the sandbox").isEmpty();

        Files.writeString(dir.resolve("reward.txt"), " 0.5\n");
        assertThat(RewardFileScorer.fromCopy(dir)).hasValueSatisfying(s -> assertThat(((Score.Value) s).reward()).isEqualTo(0.5));

        Files.writeString(dir.resolve("reward.json"), "{\"reward\": 1}");
        assertThat(RewardFileScorer.fromCopy(dir)).hasValueSatisfying(s -> assertThat(((Score.Value) s).reward()).isEqualTo(1.0));

        Files.writeString(dir.resolve("reward.json"), "{not json");
        assertThat(RewardFileScorer.fromCopy(dir)).hasValueSatisfying(s -> assertThat(s).isInstanceOf(Score.Unscored.class));
    }
}
