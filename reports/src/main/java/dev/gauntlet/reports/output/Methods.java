package dev.gauntlet.reports.output;

import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.metrics.MetricOptions;
import java.util.Locale;

/** The one sentence every report uses to say how its figures were computed. */
final class Methods {

    private Methods() {
    }

    static String describe(Leaderboard board) {
        MetricOptions o = board.options();
        return String.format(Locale.ROOT, "Score: mean reward per task, attempts averaged first (%s); %d%% intervals: "
            + "percentile bootstrap over tasks, %d resamples, seed %d.", o.errors().describe(), Math.round(o.level() * 100), o.resamples(), o.seed());
    }
}
