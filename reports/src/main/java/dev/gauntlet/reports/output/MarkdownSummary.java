package dev.gauntlet.reports.output;

import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.leaderboard.Standing;
import dev.gauntlet.reports.leaderboard.TaskMatrix.TaskKey;
import dev.gauntlet.reports.metrics.Estimate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code summary.md}: the leaderboard, errors by kind and the tasks no contender passed, short enough for a CI
 * job summary (at most {@value #MAX_TASKS_NAMED} tasks are named).
 */
public final class MarkdownSummary {

    static final int MAX_TASKS_NAMED = 10;

    private MarkdownSummary() {
    }

    public static String of(Leaderboard board) {
        StringBuilder md = new StringBuilder();
        int k = board.maxAttempts();
        md.append(String.format(Locale.ROOT, "### Gauntlet: %d contender(s), %d task(s), %d trial(s)%n%n", board.standings().size(),
            board.matrix().tasks().size(), board.standings().stream().mapToInt(s -> s.trials().size()).sum()));
        md.append("| rank | contender | score | ").append(percent(board)).append(" CI | pass@1 |")
            .append(k > 1 ? " pass@" + k + " |" : "").append(" passed | failed | errors | cost/trial | tokens/trial |\n");
        md.append("|---:|---|---:|---|---:|").append(k > 1 ? "---:|" : "").append("---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < board.standings().size(); i++) {
            Standing s = board.standings().get(i);
            md.append("| ").append(i + 1).append(" | ").append(cell(s.contender().label())).append(" | ")
                .append(Text.score(s.score().mean())).append(" | ").append(Text.interval(s.score())).append(" | ")
                .append(passAt(s, 1)).append(" |").append(k > 1 ? " " + passAt(s, k) + " |" : "")
                .append(' ').append(s.count(TrialStatus.PASSED)).append(" | ").append(s.count(TrialStatus.FAILED))
                .append(" | ").append(s.count(TrialStatus.ERROR)).append(" | ").append(Text.usd(s.costUsd().mean()))
                .append(" | ").append(Text.count(s.tokens().mean())).append(" |\n");
        }
        md.append('\n');
        for (Standing s : board.standings()) {
            if (!s.byError().isEmpty()) {
                md.append("Errors of ").append(cell(s.contender().label())).append(": ").append(s.byError().entrySet().stream()
                    .map(e -> e.getKey().wireName() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
            }
        }
        List<TaskKey> none = board.matrix().passedByNone();
        if (!none.isEmpty()) {
            md.append("Passed by no contender (").append(none.size()).append("): ")
                .append(none.stream().limit(MAX_TASKS_NAMED).map(t -> "`" + t.dataset() + "/" + t.taskId() + "`").collect(Collectors.joining(", ")))
                .append(none.size() > MAX_TASKS_NAMED ? " and " + (none.size() - MAX_TASKS_NAMED) + " more" : "").append(".\n");
        }
        md.append('\n').append(Methods.describe(board)).append(" Details: `report.html`.\n");
        return md.toString();
    }

    private static String percent(Leaderboard board) {
        return Math.round(board.options().level() * 100) + "%";
    }

    private static String passAt(Standing s, int k) {
        return s.metrics().passAt(k).map(Estimate::mean).map(Text::score).orElse("-");
    }

    /** A table cell: pipes would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
