package dev.gauntlet.scorers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardFileScorerTest {

    @Test
    void aNumberInRewardTxtIsTheReward() {
        assertThat(RewardFileScorer.fromText(" 1\n")).isEqualTo(new Score.Value(1.0, Map.of("reward", 1.0)));
        assertThat(RewardFileScorer.fromText("0.25")).isEqualTo(new Score.Value(0.25, Map.of("reward", 0.25)));
        assertThat(((Score.Value) RewardFileScorer.fromText("1")).passed()).isTrue();
        assertThat(((Score.Value) RewardFileScorer.fromText("0.99")).passed()).isFalse();
    }

    @Test
    void emptyOrNonNumericRewardTxtIsUnscoredWithTheReason() {
        assertThat(RewardFileScorer.fromText("  \n")).isEqualTo(new Score.Unscored(RewardFileScorer.TEXT + " is empty; it must hold one number"));
        assertThat(RewardFileScorer.fromText("passed")).isInstanceOf(Score.Unscored.class)
            .extracting(s -> ((Score.Unscored) s).reason()).asString().contains("'passed'");
        assertThat(RewardFileScorer.fromText("NaN")).isInstanceOf(Score.Unscored.class);
        assertThat(RewardFileScorer.fromText("1\n2")).isInstanceOf(Score.Unscored.class);
    }

    @Test
    void rewardJsonKeepsEveryNamedNumberAndPrefersItsRewardKey() {
        Score.Value value = (Score.Value) RewardFileScorer.fromJson("{\"reward\": 0.5, \"style\": 1, \"tests\": 0.25}");

        assertThat(value.reward()).isEqualTo(0.5);
        assertThat(value.rewards()).containsExactlyInAnyOrderEntriesOf(Map.of("reward", 0.5, "style", 1.0, "tests", 0.25));
    }

    @Test
    void withoutARewardKeyTheMeanIsTheReward() {
        assertThat(((Score.Value) RewardFileScorer.fromJson("{\"a\": 1, \"b\": 0}")).reward()).isEqualTo(0.5);
    }

    @Test
    void malformedRewardJsonIsUnscored() {
        assertThat(RewardFileScorer.fromJson("{")).isInstanceOf(Score.Unscored.class);
        assertThat(RewardFileScorer.fromJson("[1]")).isInstanceOf(Score.Unscored.class);
        assertThat(RewardFileScorer.fromJson("{}")).isInstanceOf(Score.Unscored.class);
        assertThat(((Score.Unscored) RewardFileScorer.fromJson("{\"reward\": \"1\"}")).reason()).contains("\"reward\" must be a number");
    }
}
