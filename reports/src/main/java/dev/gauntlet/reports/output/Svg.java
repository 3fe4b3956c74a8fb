package dev.gauntlet.reports.output;

import dev.gauntlet.reports.leaderboard.Distribution;
import dev.gauntlet.reports.leaderboard.Standing;
import dev.gauntlet.reports.metrics.Estimate;
import dev.gauntlet.reports.metrics.Metrics;
import java.util.List;
import java.util.Locale;

/** The report's charts, drawn as inline SVG: nothing to load, nothing to run. */
final class Svg {

    /** One colour per contender, in leaderboard order, repeating past eight. */
    static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2");

    private Svg() {
    }

    static String colour(int contender) {
        return PALETTE.get(contender % PALETTE.size());
    }

    /** A bar per contender from 0 to its score, with a whisker over its confidence interval. */
    static String scores(List<Standing> standings) {
        int labelWidth = 260;
        int plot = 420;
        int row = 26;
        int height = row * standings.size() + 30;
        StringBuilder svg = open(labelWidth + plot + 70, height, "Score per contender with confidence intervals");
        for (int tick = 0; tick <= 4; tick++) {
            double x = labelWidth + plot * tick / 4.0;
            svg.append(line(x, 0, x, height - 22, "#ddd"))
                .append(text(x, height - 6, "middle", Text.score(tick / 4.0)));
        }
        for (int i = 0; i < standings.size(); i++) {
            Estimate score = standings.get(i).score();
            double y = i * row + 4;
            svg.append(text(labelWidth - 8, y + 15, "end", standings.get(i).contender().label()));
            if (!score.defined()) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\" opacity=\"0.75\"/>",
                labelWidth, y, plot * clamp(score.mean()), colour(i)));
            if (!Double.isNaN(score.low())) {
                double lo = labelWidth + plot * clamp(score.low());
                double hi = labelWidth + plot * clamp(score.high());
                svg.append(line(lo, y + 9, hi, y + 9, "#222")).append(line(lo, y + 3, lo, y + 15, "#222"))
                    .append(line(hi, y + 3, hi, y + 15, "#222"));
            }
            svg.append(text(labelWidth + plot + 6, y + 15, "start", Text.score(score.mean())));
        }
        return svg.append("</svg>").toString();
    }

    /** pass@k against k, a line per contender. */
    static String passAtK(List<Standing> standings, int maxK) {
        int left = 40;
        int plotW = 460;
        int plotH = 220;
        StringBuilder svg = open(left + plotW + 20, plotH + 40, "pass@k curves");
        for (int tick = 0; tick <= 4; tick++) {
            double y = 10 + plotH - plotH * tick / 4.0;
            svg.append(line(left, y, left + plotW, y, "#ddd")).append(text(left - 4, y + 4, "end", Text.score(tick / 4.0)));
        }
        for (int k = 1; k <= maxK; k++) {
            svg.append(text(x(k, maxK, left, plotW), plotH + 26, "middle", "k=" + k));
        }
        for (int i = 0; i < standings.size(); i++) {
            StringBuilder points = new StringBuilder();
            for (Metrics.PassAt p : standings.get(i).metrics().passAtK()) {
                if (p.estimate().defined()) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.k(), maxK, left, plotW), 10 + plotH - plotH * clamp(p.estimate().mean())));
                }
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour(i)).append("\" points=\"")
                .append(points.toString().trim()).append("\"><title>").append(Html.escape(standings.get(i).contender().label()))
                .append("</title></polyline>");
        }
        return svg.append("</svg>").toString();
    }

    /** A small histogram of {@code d}, its bars in {@code colour}, from 0 to its maximum. */
    static String histogram(Distribution d, String colour, String title) {
        int w = 200;
        int h = 48;
        StringBuilder svg = open(w, h + 14, title);
        int highest = d.bins().stream().mapToInt(Integer::intValue).max().orElse(0);
        double barW = (double) w / d.bins().size();
        for (int b = 0; b < d.bins().size() && highest > 0; b++) {
            double barH = (double) h * d.bins().get(b) / highest;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                b * barW, h - barH, barW - 1, barH, colour));
        }
        svg.append(line(0, h, w, h, "#888"));
        return svg.append("</svg>").toString();
    }

    private static double x(int k, int maxK, int left, int plotW) {
        return maxK == 1 ? left + plotW / 2.0 : left + plotW * (k - 1) / (double) (maxK - 1);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static StringBuilder open(int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>",
            width, height, width, height, Html.escape(title)));
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x1, y1, x2, y2, stroke);
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\">%s</text>", x, y, anchor, Html.escape(content));
    }
}
