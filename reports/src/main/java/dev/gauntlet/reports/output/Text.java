package dev.gauntlet.reports.output;

import dev.gauntlet.reports.metrics.Estimate;
import java.util.Locale;

/** How every report format writes numbers, so the console, Markdown, JUnit and HTML agree to the digit. */
final class Text {

    private Text() {
    }

    /** A score or share: 3 decimals, {@code -} when undefined. */
    static String score(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** An estimate's interval as {@code low–high}, {@code -} when it has none. */
    static String interval(Estimate estimate) {
        return Double.isNaN(estimate.low()) ? "-" : score(estimate.low()) + "–" + score(estimate.high());
    }

    /** Dollars: 4 decimals below $1, 2 above; {@code -} when unknown. */
    static String usd(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value < 1 ? "$%.4f" : "$%,.2f", value);
    }

    /** A whole number with thousands separators; {@code -} when undefined. */
    static String count(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Seconds with milliseconds, for JUnit's {@code time}. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /** The first line of {@code text}, at most {@code max} chars; empty for {@code null}. */
    static String firstLine(String text, int max) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > max ? line.substring(0, max - 1) + "…" : line;
    }
}
