package dev.gauntlet.scorers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelGradedScorerTest {

    /** A judge that replies with fixed text and keeps the prompts it was given. */
    static final class CannedJudge implements Judge {
        final String reply;
        final List<String> prompts = new ArrayList<>();

        CannedJudge(String reply) {
            this.reply = reply;
        }

        @Override
        public String spec() {
            return "scripted:judge";
        }

        @Override
        public String ask(String prompt) {
            prompts.add(prompt);
            return reply;
        }
    }

    @Test
    void theVerdictIsTheRewardAndTheReplyTheExplanation() {
        CannedJudge judge = new CannedJudge("The answer names the same city.\nGRADE: C");
        Scorer scorer = AnswerScorers.parse("model:scripted:judge", spec -> judge, "Be strict about spelling.");

        Score.Value value = (Score.Value) Samples.score(scorer, "It's Paris", "Paris");

        assertThat(value.reward()).isEqualTo(1.0);
        assertThat(value.explanation()).isEqualTo("verdict C (correct): The answer names the same city.\nGRADE: C");
        assertThat(scorer.name()).isEqualTo("model:scripted:judge");
        assertThat(judge.prompts).singleElement().asString()
            .contains("[Question]\nquestion?").contains("[Reference answer]\nParis").contains("[Answer to grade]\nIt's Paris")
            .contains("[Rubric]\nBe strict about spelling.");
    }

    @Test
    void partlyAndIncorrectAndTheLastGradeCounts() {
        assertThat(Samples.reward(new ModelGradedScorer(new CannedJudge("grade: p"), null), "x", "y")).isEqualTo(0.5);
        assertThat(Samples.reward(new ModelGradedScorer(new CannedJudge("GRADE: C would be wrong.\nGRADE: **I**"), null), "x", "y")).isEqualTo(0.0);
    }

    @Test
    void aReplyWithoutAGradeIsUnscoredWithTheReply() {
        Score score = Samples.score(new ModelGradedScorer(new CannedJudge("I cannot decide."), null), "x", "y");

        assertThat(score).isInstanceOf(Score.Unscored.class);
        assertThat(((Score.Unscored) score).reason()).contains("gave no grade").contains("I cannot decide.");
    }

    @Test
    void theDefaultRubricAppliesAndNoAnswerIsNotSentToTheJudge() {
        CannedJudge judge = new CannedJudge("GRADE: C");
        ModelGradedScorer scorer = new ModelGradedScorer(judge, " ");

        assertThat(Samples.reward(scorer, "x", "y")).isEqualTo(1.0);
        assertThat(judge.prompts.getFirst()).contains(ModelGradedScorer.DEFAULT_RUBRIC);
        assertThat(Samples.reward(scorer, null, "y")).isEqualTo(0.0);
        assertThat(judge.prompts).hasSize(1);
    }

    @Test
    void aFailingJudgeThrows() {
        Judge failing = new Judge() {
            @Override
            public String spec() {
                return "openai/x";
            }

            @Override
            public String ask(String prompt) {
                throw new JudgeException("judge openai/x failed: HTTP 401", null);
            }
        };
        assertThatThrownBy(() -> Samples.score(new ModelGradedScorer(failing, null), "x", "y")).isInstanceOf(JudgeException.class);
    }
}
