package dev.gauntlet.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileLoadTest {

    @TempDir
    Path root;

    @Test
    void readsTheBundledSamples() {
        Dataset dataset = Dataset.load(Path.of("examples/answers.jsonl"));

        assertThat(dataset.problems()).isEmpty();
        assertThat(dataset.name()).isEqualTo("answers");
        assertThat(dataset.tasks()).extracting(Task::id)
            .containsExactly("capital", "colour", "count-lines", "greeting", "prime", "sum");
        Task lines = dataset.tasks().get(2);
        assertThat(lines.environment().dockerImage()).isEqualTo(DatasetOptions.DEFAULT_SAMPLE_IMAGE);
        assertThat(lines.environment().workdir()).isEqualTo("/app");
        assertThat(lines.setup().files()).containsExactly(java.util.Map.entry("/app/data.txt", "alpha\nbeta\ngamma\n"));
        assertThat(lines.metadata()).containsEntry("category", "files");
        assertThat(lines.instruction()).startsWith("How many lines").endsWith("to " + Verification.ANSWER_FILE + ".\n");
        assertThat(lines.solution()).isEqualTo(new Solution.Answer("3"));
        Task greeting = dataset.tasks().get(3);
        assertThat(greeting.setup().script()).isEqualTo("printf 'bonjour\\n' > /app/greeting.txt");
        Task colour = dataset.tasks().get(1);
        assertThat(((Verification.Answer) colour.verification()).targets()).containsExactly("red", "yellow", "blue");
        assertThat(((Verification.Answer) colour.verification()).input())
            .isEqualTo("system: Answer with one lower-case word.\n\nuser: Name a primary colour of paint.");
        Task prime = dataset.tasks().get(4);
        assertThat(prime.instruction()).contains("\n\nA) 4\nB) 6\nC) 7\nD) 9");
    }

    @Test
    void samplesWithoutIdsAreNumberedFromOneAndNumbersAreText() {
        TaskDirs.write(root.resolve("s.jsonl"), """
            {"input": "a", "target": 1.5}

            {"input": "b", "target": ["x", 2]}
            """);

        Dataset dataset = Dataset.load(root.resolve("s.jsonl"));

        assertThat(dataset.tasks()).extracting(Task::id).containsExactly("1", "2");
        assertThat(((Verification.Answer) dataset.tasks().get(0).verification()).targets()).containsExactly("1.5");
        assertThat(((Verification.Answer) dataset.tasks().get(1).verification()).targets()).containsExactly("x", "2");
    }

    @Test
    void aBrokenLineIsReportedWithItsNumberAndTheOthersLoad() {
        TaskDirs.write(root.resolve("s.jsonl"), """
            {"id": "ok", "input": "a", "target": "b"}
            {"id": "broken", "input": "a",
            {"id": "no-input", "target": "b"}
            {"id": "bad-files", "input": "a", "files": {"x": 3}}
            {"id": "ok", "input": "again"}
            ["not", "an", "object"]
            {"id": "extra", "input": "a", "target": "b", "scorer": "exact"}
            """);

        Dataset dataset = Dataset.load(root.resolve("s.jsonl"));

        assertThat(dataset.tasks()).extracting(Task::id).containsExactly("extra", "ok");
        assertThat(dataset.hasErrors()).isTrue();
        List<String> problems = dataset.problems().stream().map(TaskProblem::toString).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("line 2").contains("not valid JSON"))
            .anySatisfy(p -> assertThat(p).contains("line 3: input").contains("missing"))
            .anySatisfy(p -> assertThat(p).contains("line 4: files.x").contains("text content"))
            .anySatisfy(p -> assertThat(p).contains("line 5: id").contains("already the id of line 1"))
            .anySatisfy(p -> assertThat(p).contains("line 6").contains("must be a JSON object"))
            .anySatisfy(p -> assertThat(p).startsWith("warning: ").contains("line 7: scorer").contains("unknown field"));
    }

    @Test
    void theSameSampleInAnotherImageIsAnotherTask() {
        TaskDirs.write(root.resolve("s.jsonl"), "{\"input\": \"a\", \"target\": \"b\"}\n");

        String slim = Dataset.load(root.resolve("s.jsonl")).tasks().getFirst().contentHash();
        String other = Dataset.load(root.resolve("s.jsonl"), new DatasetOptions("alpine:3", List.of(), List.of(), null, null))
            .tasks().getFirst().contentHash();

        assertThat(other).isNotEqualTo(slim);
    }
}
