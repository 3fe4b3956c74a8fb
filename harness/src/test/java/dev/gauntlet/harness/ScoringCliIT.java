package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task selection, scorers and metrics through the packaged command line. */
class ScoringCliIT {

    @Test
    void aSampleFileRunsFilteredAndReportsPassAtKWithIntervals(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        CliIT.Exit exit = CliIT.gauntlet(tmp, "run", "../datasets/examples/answers.jsonl", "--attempts", "3",
            "--task", "c*", "--task", "sum", "--exclude", "count-*", "--errors", "zero", "--out", out.toString());

        assertThat(exit.code()).as(exit.output()).isZero();
        assertThat(exit.output()).contains("Dataset answers: 3 of 6 tasks, fingerprint ")
            .contains("errored trials scored 0").containsPattern("\\n  pass@3 +1\\.000 +0\\.000 +\\[1\\.000, 1\\.000\\] +3");
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(json.at("/selection/task/1").asText()).isEqualTo("sum");
        assertThat(json.at("/datasets/0/loaded").asInt()).isEqualTo(6);
        assertThat(json.at("/datasets/0/fingerprint").asText()).hasSize(64);
        assertThat(json.at("/summary/metrics/by_task").size()).isEqualTo(3);
        assertThat(json.at("/summary/metrics/by_agent_model/oracle/pass_at_k").size()).isEqualTo(3);
    }

    @Test
    void anUnknownScorerIsRefusedWithTheKnownOnes(@TempDir Path tmp) throws Exception {
        CliIT.Exit exit = CliIT.gauntlet(tmp, "run", "../datasets/examples/answers.jsonl", "--scorer", "fuzzy");

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.output()).contains("unknown scorer 'fuzzy'; known: exact, includes, regex, numeric[:TOLERANCE], json[:PATH], "
            + "model:MODEL, command:FILE");
    }
}
