package dev.gauntlet.reports.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.PhaseLatencies.Latency;
import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.leaderboard.Distribution;
import dev.gauntlet.reports.leaderboard.GroupScores;
import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.leaderboard.Standing;
import dev.gauntlet.reports.leaderboard.TaskMatrix;
import dev.gauntlet.reports.metrics.Estimate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (its CSS, script and SVG charts inline; nothing loaded from
 * anywhere) with the leaderboard and its intervals, pass@k curves, the task × contender matrix, cost and token
 * distributions, phase and step latencies, errors by kind, and every trial's trajectory a click away in the
 * matrix. Trials and steps are embedded as JSON that the page's script renders on demand.
 */
public final class HtmlReport {

    /** Step text embedded by default, in chars: beyond it, trajectories are left out (see {@link Trajectories}). */
    public static final long DEFAULT_TRAJECTORY_BUDGET = 100L << 20;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private HtmlReport() {
    }

    /** What was left out of the page. */
    public record Written(long stepsOmitted) {
    }

    /** Writes the page to {@code out}, which it does not close, embedding at most {@code trajectoryBudget} chars of steps. */
    public static Written write(Leaderboard board, Writer out, long trajectoryBudget) throws IOException {
        TrialIndex index = new TrialIndex(board);
        Trajectories trajectories = new Trajectories(index, board.standings().size(), trajectoryBudget);
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Gauntlet report</title><style>");
        out.write(resource("report.css"));
        out.write("</style></head>\n<body>\n");
        // The steps come first so that their latencies, measured while streaming them, can be shown below.
        out.write("<script type=\"application/json\" id=\"step-data\">");
        try (JsonGenerator json = generator(out)) {
            trajectories.write(board.runs(), json);
        }
        out.write("</script>\n<script type=\"application/json\" id=\"trial-data\">");
        try (JsonGenerator json = generator(out)) {
            trials(board, index, trajectories, json);
        }
        out.write("</script>\n");
        out.write(header(board, trajectories));
        out.write(leaderboard(board));
        if (board.maxAttempts() > 1) {
            out.write(section("pass-at-k", "pass@k", "<p>The chance that at least one of k attempts passes (unbiased estimator), "
                + "over the tasks with at least k attempts.</p>" + Svg.passAtK(board.standings(), board.maxAttempts()) + legend(board)));
        }
        out.write(groups(board));
        matrix(board, out);
        out.write(usage(board));
        out.write(latencies(board, trajectories));
        out.write(errors(board));
        out.write("<script>");
        out.write(resource("report.js"));
        out.write("</script>\n</body></html>\n");
        return new Written(trajectories.omittedTotal());
    }

    private static String header(Leaderboard board, Trajectories trajectories) {
        StringBuilder h = new StringBuilder("<header><h1>Gauntlet report</h1><p>");
        h.append(board.standings().size()).append(" contender(s), ").append(board.matrix().tasks().size()).append(" task(s), ")
            .append(board.runs().stream().mapToInt(r -> r.trials().size()).sum()).append(" trial(s) from ")
            .append(board.runs().size()).append(" run(s): ");
        h.append(board.runs().stream().map(r -> "<code>" + Html.escape(r.dir().toString()) + "</code>").collect(Collectors.joining(", ")));
        h.append(".</p><p class=\"note\">").append(Html.escape(Methods.describe(board))).append("</p>");
        if (trajectories.omittedTotal() > 0) {
            h.append("<p class=\"note\">").append(trajectories.omittedTotal()).append(" step(s) are not embedded, to keep this page's size "
                + "bounded (an equal share per contender, steps of trials that did not pass first); every step is in the runs' <code>steps/</code> Parquet files.</p>");
        }
        h.append("<nav><a href=\"#leaderboard\">Leaderboard</a> <a href=\"#matrix\">Tasks</a> <a href=\"#usage\">Cost and tokens</a> "
            + "<a href=\"#latency\">Latency</a> <a href=\"#errors\">Errors</a></nav></header>\n");
        return h.toString();
    }

    private static String leaderboard(Leaderboard board) {
        int k = board.maxAttempts();
        StringBuilder t = new StringBuilder("<table><thead><tr><th>rank</th><th>contender</th><th>run</th><th>score</th><th>")
            .append(Math.round(board.options().level() * 100)).append("% CI</th><th>± s.e.</th><th>accuracy</th><th>pass@1</th>")
            .append(k > 1 ? "<th>pass@" + k + "</th>" : "")
            .append("<th>tasks</th><th>trials</th><th>passed</th><th>failed</th><th>errors</th></tr></thead><tbody>");
        for (int i = 0; i < board.standings().size(); i++) {
            Standing s = board.standings().get(i);
            t.append("<tr><td>").append(i + 1).append("</td><td><span class=\"swatch\" style=\"background:").append(Svg.colour(i))
                .append("\"></span>").append(Html.escape(s.contender().label())).append("</td><td><code>")
                .append(Html.escape(s.contender().runId())).append("</code></td><td class=\"num\"><b>").append(Text.score(s.score().mean()))
                .append("</b></td><td class=\"num\">").append(Text.interval(s.score())).append("</td><td class=\"num\">")
                .append(Text.score(s.score().stderr())).append("</td><td class=\"num\">").append(Text.score(s.metrics().accuracy().mean()))
                .append("</td><td class=\"num\">").append(passAt(s, 1)).append("</td>").append(k > 1 ? "<td class=\"num\">" + passAt(s, k) + "</td>" : "")
                .append(cells(s.tasks(), s.trials().size(), s.count(TrialStatus.PASSED), s.count(TrialStatus.FAILED), s.count(TrialStatus.ERROR)))
                .append("</tr>");
        }
        t.append("</tbody></table>");
        return section("leaderboard", "Leaderboard", t + Svg.scores(board.standings()));
    }

    /** Scores per task group (metadata such as difficulty); nothing when the tasks have no grouping field. */
    private static String groups(Leaderboard board) {
        List<GroupScores> groups = GroupScores.of(board);
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder("<p>Score (mean reward per task) and tasks per group of the tasks' metadata.</p>");
        for (GroupScores group : groups) {
            t.append("<table><thead><tr><th>").append(Html.escape(group.field())).append("</th>");
            board.standings().forEach(s -> t.append("<th>").append(Html.escape(s.contender().label())).append("</th>"));
            t.append("</tr></thead><tbody>");
            group.byValue().forEach((value, scores) -> {
                t.append("<tr><td>").append(Html.escape(value)).append("</td>");
                scores.forEach(e -> t.append("<td class=\"num\">").append(e.defined() ? Text.score(e.mean()) + " (" + e.units() + ")" : "-").append("</td>"));
                t.append("</tr>");
            });
            t.append("</tbody></table>");
        }
        return section("groups", "By task group", t.toString());
    }

    private static void matrix(Leaderboard board, Writer out) throws IOException {
        TaskMatrix m = board.matrix();
        StringBuilder t = new StringBuilder("<p>Each cell: attempts passed / attempts. Click a cell for its trials, and a trial for its "
            + "step-by-step trajectory.</p><p class=\"legend\"><span class=\"pass\">all passed</span> <span class=\"mixed\">some passed</span> "
            + "<span class=\"fail\">none passed</span> <span class=\"error\">all errored</span></p><div class=\"scroll\"><table id=\"matrix-table\">"
            + "<thead><tr><th>task</th>");
        for (Standing s : board.standings()) {
            t.append("<th>").append(Html.escape(s.contender().label())).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        out.write("<section id=\"matrix\"><h2>Tasks × contenders</h2>");
        out.write(t.toString());
        for (int row = 0; row < m.tasks().size(); row++) {
            StringBuilder r = new StringBuilder("<tr><th>").append(Html.escape(m.tasks().get(row).dataset() + "/" + m.tasks().get(row).taskId())).append("</th>");
            for (int c = 0; c < m.cells().get(row).size(); c++) {
                TaskMatrix.Cell cell = m.cells().get(row).get(c);
                r.append("<td class=\"").append(cell.outcome()).append("\" data-t=\"").append(row).append("\" data-c=\"").append(c).append("\">")
                    .append(cell.attempts() == 0 ? "" : cell.passed() + "/" + cell.attempts()).append("</td>");
            }
            out.write(r.append("</tr>\n").toString());
        }
        out.write("</tbody></table></div><div id=\"cell\" class=\"panel\" hidden></div><div id=\"trajectory\" class=\"panel\" hidden></div></section>\n");
    }

    private static String usage(Leaderboard board) {
        StringBuilder t = new StringBuilder("<table><thead><tr><th>contender</th><th>per trial</th><th>mean</th><th>median</th><th>p90</th>"
            + "<th>max</th><th>distribution (0 to max)</th></tr></thead><tbody>");
        for (int i = 0; i < board.standings().size(); i++) {
            Standing s = board.standings().get(i);
            t.append(usageRow(s, "cost", s.costUsd(), Text::usd, Svg.colour(i)));
            t.append(usageRow(s, "tokens (in + out)", s.tokens(), Text::count, Svg.colour(i)));
        }
        return section("usage", "Cost and tokens", t.append("</tbody></table>").toString());
    }

    private static String usageRow(Standing s, String what, Distribution d, Function<Double, String> format, String colour) {
        return "<tr><td>" + Html.escape(s.contender().label()) + "</td><td>" + what
            + (d.missing() > 0 ? " <span class=\"note\">(" + d.missing() + " unknown)</span>" : "") + "</td><td class=\"num\">"
            + format.apply(d.mean()) + "</td><td class=\"num\">" + format.apply(d.p50()) + "</td><td class=\"num\">" + format.apply(d.p90())
            + "</td><td class=\"num\">" + format.apply(d.max()) + "</td><td>" + (d.count() == 0 ? "" : Svg.histogram(d, colour, what)) + "</td></tr>";
    }

    private static String latencies(Leaderboard board, Trajectories trajectories) {
        StringBuilder t = new StringBuilder("<p>Milliseconds: p50 / p90 / p99 / max. Model call and command are per agent step.</p>"
            + "<table><thead><tr><th>contender</th><th>setup</th><th>agent</th><th>verifier</th><th>total</th><th>model call</th>"
            + "<th>command</th></tr></thead><tbody>");
        for (int i = 0; i < board.standings().size(); i++) {
            Standing s = board.standings().get(i);
            t.append("<tr><td>").append(Html.escape(s.contender().label())).append("</td>");
            for (Latency l : List.of(s.latencies().setup(), s.latencies().agent(), s.latencies().verifier(), s.latencies().total(),
                trajectories.latencies(i).model(), trajectories.latencies(i).command())) {
                t.append("<td class=\"num\">").append(l.count() == 0 ? "-" : l.p50() + " / " + l.p90() + " / " + l.p99() + " / " + l.max()).append("</td>");
            }
            t.append("</tr>");
        }
        return section("latency", "Latency", t.append("</tbody></table>").toString());
    }

    private static String errors(Leaderboard board) {
        Set<ErrorKind> kinds = EnumSet.noneOf(ErrorKind.class);
        board.standings().forEach(s -> kinds.addAll(s.byError().keySet()));
        if (kinds.isEmpty()) {
            return section("errors", "Errors", "<p>No trial ended in an error.</p>");
        }
        StringBuilder t = new StringBuilder("<table><thead><tr><th>contender</th>");
        kinds.forEach(k -> t.append("<th>").append(k.wireName()).append("</th>"));
        t.append("<th>most frequent messages</th></tr></thead><tbody>");
        for (Standing s : board.standings()) {
            t.append("<tr><td>").append(Html.escape(s.contender().label())).append("</td>");
            kinds.forEach(k -> t.append("<td class=\"num\">").append(s.byError().getOrDefault(k, 0)).append("</td>"));
            t.append("<td><ul class=\"messages\">");
            topMessages(s.trials()).forEach((message, n) -> t.append("<li>").append(n).append(" × ").append(Html.escape(message)).append("</li>"));
            t.append("</ul></td></tr>");
        }
        return section("errors", "Errors by kind", t.append("</tbody></table>").toString());
    }

    private static Map<String, Long> topMessages(List<TrialRecord> trials) {
        return trials.stream().filter(r -> r.errorKind() != null)
            .collect(Collectors.groupingBy(r -> r.errorKind().wireName() + ": " + Text.firstLine(r.errorMessage(), 160), Collectors.counting()))
            .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).limit(5)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** {@code {"contenders": [...], "tasks": [...], "trials": [[...], ...]}}, the fields of a trial as report.js reads them. */
    private static void trials(Leaderboard board, TrialIndex index, Trajectories trajectories, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("contenders");
        for (Standing s : board.standings()) {
            json.writeString(s.contender().label());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("tasks");
        for (TaskMatrix.TaskKey task : board.matrix().tasks()) {
            json.writeString(task.dataset() + "/" + task.taskId());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("trials");
        for (int i = 0; i < index.size(); i++) {
            TrialRecord r = index.trial(i);
            json.writeStartArray();
            json.writeNumber(index.contender(i));
            json.writeNumber(index.task(i));
            json.writeNumber(r.attempt());
            json.writeString(r.status().wireName());
            json.writeString(r.errorKind() == null ? null : r.errorKind().wireName());
            json.writeString(r.errorMessage() == null ? null : Text.firstLine(r.errorMessage(), 2_000));
            if (r.reward() == null) {
                json.writeNull();
            } else {
                json.writeNumber(r.reward());
            }
            json.writeNumber(r.totalMs());
            json.writeNumber(r.usage().steps());
            json.writeNumber(r.usage().inputTokens());
            json.writeNumber(r.usage().outputTokens());
            if (r.usage().costUsd() == null) {
                json.writeNull();
            } else {
                json.writeNumber(r.usage().costUsd());
            }
            json.writeString(r.trialId());
            json.writeNumber(trajectories.embedded(i));
            json.writeNumber(trajectories.omitted(i));
            json.writeString(r.usage().limitHit());
            json.writeEndArray();
            json.writeRaw('\n');
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static String cells(Object... values) {
        StringBuilder s = new StringBuilder();
        for (Object v : values) {
            s.append("<td class=\"num\">").append(v).append("</td>");
        }
        return s.toString();
    }

    private static String legend(Leaderboard board) {
        StringBuilder l = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < board.standings().size(); i++) {
            l.append("<span><span class=\"swatch\" style=\"background:").append(Svg.colour(i)).append("\"></span>")
                .append(Html.escape(board.standings().get(i).contender().label())).append("</span> ");
        }
        return l.append("</p>").toString();
    }

    private static String passAt(Standing s, int k) {
        return s.metrics().passAt(k).map(Estimate::mean).map(Text::score).orElse("-");
    }

    private static String section(String id, String title, String body) {
        return "<section id=\"" + id + "\"><h2>" + Html.escape(title) + "</h2>" + body + "</section>\n";
    }

    /** JSON inside a script element: {@code <}, {@code >} and {@code &} escaped, so no {@code </script>} can end it early. */
    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setCharacterEscapes(new CharacterEscapes() {
            private final int[] escapes = standardAsciiEscapesForJSON();

            {
                escapes['<'] = ESCAPE_STANDARD;
                escapes['>'] = ESCAPE_STANDARD;
                escapes['&'] = ESCAPE_STANDARD;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return escapes;
            }

            @Override
            public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
                return null;
            }
        });
        return json;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
