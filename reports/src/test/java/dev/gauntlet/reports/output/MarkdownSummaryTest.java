package dev.gauntlet.reports.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryTest {

    @TempDir
    Path tmp;

    @Test
    void matchesTheGoldenFile() throws Exception {
        String md = MarkdownSummary.of(SampleBoard.board(tmp));

        Golden.assertMatches("summary.md", md);
        assertThat(md.lines().count()).as("short enough for a CI job summary").isLessThan(20);
    }
}
