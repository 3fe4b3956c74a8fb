package dev.gauntlet.reports.output;

import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.leaderboard.Standing;
import java.io.PrintStream;
import java.util.Locale;

/** The leaderboard as a plain-text table, for the terminal. */
public final class LeaderboardTable {

    private LeaderboardTable() {
    }

    public static void print(Leaderboard board, PrintStream out) {
        int width = Math.max(12, board.standings().stream().mapToInt(s -> s.contender().label().length()).max().orElse(0));
        String row = "%4s  %-" + width + "s %6s %13s %6s %6s %6s %6s %11s%n";
        out.printf(Locale.ROOT, row, "rank", "contender", "score", Math.round(board.options().level() * 100) + "% CI", "tasks",
            "passed", "failed", "errors", "cost/trial");
        for (int i = 0; i < board.standings().size(); i++) {
            Standing s = board.standings().get(i);
            out.printf(Locale.ROOT, row, i + 1, s.contender().label(), Text.score(s.score().mean()), Text.interval(s.score()), s.tasks(),
                s.count(TrialStatus.PASSED), s.count(TrialStatus.FAILED), s.count(TrialStatus.ERROR), Text.usd(s.costUsd().mean()));
        }
        out.println(Methods.describe(board));
    }
}
