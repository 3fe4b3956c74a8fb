package dev.gauntlet.reports.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.leaderboard.Leaderboard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: it loads with no console error and no request beyond its own file, and a click on a
 * matrix cell then on a trial shows that trial's trajectory. Screenshots go to {@code target/browser/}.
 */
class HtmlReportBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/browser");

    @TempDir
    Path tmp;

    @Test
    void clickingACellThenATrialShowsItsTrajectoryWithoutAConsoleError() throws Exception {
        Leaderboard board = SampleBoard.board(tmp);
        Path html = ReportFiles.write(board, tmp.resolve("report"), HtmlReport.DEFAULT_TRAJECTORY_BUDGET).html();

        try (Chromium chromium = Chromium.start(tmp.resolve("profile"))) {
            chromium.open(html);
            chromium.waitFor("document.querySelectorAll('#matrix-table td').length === 8");
            chromium.screenshot(SCREENSHOTS.resolve("report-top.png"));

            // bash (openai/gpt-weak), sql-join: both attempts failed
            chromium.click("#matrix-table td.fail");
            chromium.waitFor("!document.getElementById('cell').hidden");
            assertThat(chromium.evaluate("document.querySelector('#cell h3').textContent").asText())
                .isEqualTo("examples/sql-join — bash (openai/gpt-weak)");
            assertThat(chromium.evaluate("document.querySelectorAll('#cell button.trial').length").asInt()).isEqualTo(2);

            chromium.click("#cell button.trial");
            chromium.waitFor("!document.getElementById('trajectory').hidden");
            String trajectory = chromium.evaluate("document.getElementById('trajectory').innerText").asText();
            assertThat(trajectory).contains("Trajectory: examples/sql-join, attempt 1, bash (openai/gpt-weak)")
                .contains("$ ls /app").contains("main.py")
                .contains("$ python -m pytest -q tests/ && echo '<done> & \"ok\"'").contains("exit 1").contains("1 failed, 2 passed");
            assertThat(chromium.evaluate("document.querySelectorAll('#trajectory li.step').length").asInt()).isEqualTo(2);
            chromium.screenshot(SCREENSHOTS.resolve("report-trajectory.png"));

            assertThat(chromium.problems()).isEmpty();
            assertThat(chromium.requests()).allSatisfy(url -> assertThat(url).startsWith("file:"));
        }
    }
}
