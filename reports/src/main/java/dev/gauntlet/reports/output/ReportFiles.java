package dev.gauntlet.reports.output;

import dev.gauntlet.reports.leaderboard.Leaderboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a leaderboard's {@code report.html}, {@code summary.md} and {@code junit.xml} into a directory. Each file
 * is written under a temporary name and moved in place, so a reader never sees half a report.
 */
public final class ReportFiles {

    /** The files written and what the page left out. */
    public record Written(Path html, Path markdown, Path junit, long stepsOmitted) {
    }

    private ReportFiles() {
    }

    public static Written write(Leaderboard board, Path dir, long trajectoryBudget) {
        try {
            Files.createDirectories(dir);
            long[] omitted = new long[1];
            Path html = atomically(dir.resolve("report.html"), out -> omitted[0] = HtmlReport.write(board, out, trajectoryBudget).stepsOmitted());
            Path markdown = atomically(dir.resolve("summary.md"), out -> out.write(MarkdownSummary.of(board)));
            Path junit = atomically(dir.resolve("junit.xml"), out -> JunitXml.write(board, out));
            return new Written(html, markdown, junit, omitted[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static Path atomically(Path target, Content content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
