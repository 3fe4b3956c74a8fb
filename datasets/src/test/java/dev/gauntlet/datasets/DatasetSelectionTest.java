package dev.gauntlet.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSelectionTest {

    @TempDir
    Path root;

    @BeforeEach
    void tasks() {
        TaskDirs.task(root, "git-merge", "");
        TaskDirs.task(root, "git-revert", "");
        TaskDirs.task(root, "csv-clean", "");
        TerminalBenchLoadTest.task(root, "tb-words", "instruction: count\n");
        TaskDirs.write(root.resolve("qa.jsonl"), "{\"id\": \"one\", \"input\": \"1?\", \"target\": \"1\"}\n"
            + "{\"id\": \"two\", \"input\": \"2?\", \"target\": \"2\"}\n");
    }

    private List<String> ids(List<String> include, List<String> exclude, Integer limit, Long seed) {
        return Dataset.load(root, new DatasetOptions("debian:bookworm-slim", include, exclude, limit, seed)).tasks().stream()
            .map(Task::id).toList();
    }

    @Test
    void aDirectoryMixesHarborTerminalBenchAndSampleFiles() {
        assertThat(ids(List.of(), List.of(), null, null))
            .containsExactly("csv-clean", "git-merge", "git-revert", "qa/one", "qa/two", "tb-words");
    }

    @Test
    void includeAndExcludeGlobsMatchWholeIdsAcrossSlashes() {
        assertThat(ids(List.of("git-*"), List.of(), null, null)).containsExactly("git-merge", "git-revert");
        assertThat(ids(List.of("git-*", "qa/*"), List.of("*revert"), null, null)).containsExactly("git-merge", "qa/one", "qa/two");
        assertThat(ids(List.of("*"), List.of("q?/*"), null, null)).containsExactly("csv-clean", "git-merge", "git-revert", "tb-words");
        assertThat(ids(List.of("git"), List.of(), null, null)).isEmpty();
        assertThat(ids(List.of("csv.clean"), List.of(), null, null)).as("a dot is a dot").isEmpty();
    }

    @Test
    void theLimitTakesTheFirstInIdOrderOrASeededSample() {
        assertThat(ids(List.of(), List.of(), 2, null)).containsExactly("csv-clean", "git-merge");
        List<String> seeded = ids(List.of(), List.of(), 3, 7L);
        assertThat(seeded).hasSize(3).isSorted().isEqualTo(ids(List.of(), List.of(), 3, 7L));
        assertThat(List.of(1L, 2L, 3L, 4L, 5L).stream().map(s -> ids(List.of(), List.of(), 3, s)).distinct().count())
            .as("different seeds pick different tasks").isGreaterThan(1);
    }

    @Test
    void theFingerprintFollowsContentNotSelection() {
        Dataset all = Dataset.load(root);
        Dataset some = Dataset.load(root, new DatasetOptions("debian:bookworm-slim", List.of("git-*"), List.of(), 1, null));

        assertThat(all.fingerprint()).hasSize(64).isEqualTo(some.fingerprint());
        assertThat(all.loaded()).isEqualTo(6);
        assertThat(some.loaded()).isEqualTo(6);
        assertThat(some.tasks()).hasSize(1);

        TaskDirs.write(root.resolve("csv-clean/tests/test.sh"), "echo 0 > /logs/verifier/reward.txt\n");
        assertThat(Dataset.load(root).fingerprint()).isNotEqualTo(all.fingerprint());
    }

    @Test
    void aBadLimitIsAClearError() {
        assertThatThrownBy(() -> new DatasetOptions("img", List.of(), List.of(), 0, null)).hasMessageContaining("--limit must be at least 1");
    }
}
