package dev.gauntlet.reports.output;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.leaderboard.Standing;
import dev.gauntlet.reports.leaderboard.TaskMatrix.TaskKey;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one {@code testsuite} per contender and one {@code testcase} per task it ran, so a CI system
 * lists failed tasks natively. A task passes when every attempt passed; it has a {@code failure} when an attempt
 * failed, else an {@code error} when an attempt errored. The text lists every attempt. The layout is the one the
 * Jenkins JUnit schema describes; a test case's {@code classname} is the contender's label with dots made
 * underscores, so Jenkins does not split it into packages.
 */
public final class JunitXml {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JunitXml() {
    }

    /** Writes the leaderboard's JUnit XML to {@code out}, which it does not close. */
    public static void write(Leaderboard board, Writer out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "gauntlet");
            List<Map<TaskKey, List<TrialRecord>>> suites = board.standings().stream().map(JunitXml::byTask).toList();
            int tests = suites.stream().mapToInt(Map::size).sum();
            int failures = 0;
            int errors = 0;
            long millis = 0;
            for (Map<TaskKey, List<TrialRecord>> suite : suites) {
                failures += (int) suite.values().stream().filter(JunitXml::failed).count();
                errors += (int) suite.values().stream().filter(JunitXml::errored).count();
                millis += suite.values().stream().flatMap(List::stream).mapToLong(TrialRecord::totalMs).sum();
            }
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(errors));
            xml.writeAttribute("time", Text.seconds(millis));
            for (int i = 0; i < suites.size(); i++) {
                suite(xml, board.standings().get(i), suites.get(i));
            }
            newline(xml, 0);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write junit.xml: " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, Standing standing, Map<TaskKey, List<TrialRecord>> tasks) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(standing.contender().label()));
        xml.writeAttribute("tests", String.valueOf(tasks.size()));
        xml.writeAttribute("failures", String.valueOf(tasks.values().stream().filter(JunitXml::failed).count()));
        xml.writeAttribute("errors", String.valueOf(tasks.values().stream().filter(JunitXml::errored).count()));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", Text.seconds(standing.trials().stream().mapToLong(TrialRecord::totalMs).sum()));
        Instant first = standing.trials().stream().map(TrialRecord::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        xml.writeAttribute("timestamp", TIMESTAMP.format(first.truncatedTo(ChronoUnit.SECONDS)));
        newline(xml, 2);
        xml.writeStartElement("properties");
        property(xml, "run_id", standing.contender().runId());
        property(xml, "agent", standing.contender().agent());
        property(xml, "model", standing.contender().model() == null ? "" : standing.contender().model());
        property(xml, "score", Text.score(standing.score().mean()));
        property(xml, "score_interval", Text.interval(standing.score()));
        newline(xml, 2);
        xml.writeEndElement();
        for (Map.Entry<TaskKey, List<TrialRecord>> task : tasks.entrySet()) {
            testcase(xml, standing, task.getKey(), task.getValue());
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, Standing standing, TaskKey task, List<TrialRecord> attempts) throws XMLStreamException {
        newline(xml, 2);
        boolean failed = failed(attempts);
        boolean errored = errored(attempts);
        if (!failed && !errored) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        // Jenkins reads the part of a classname before its last dot as a package: model names have dots (gpt-4.1)
        xml.writeAttribute("classname", clean(standing.contender().label().replace('.', '_')));
        xml.writeAttribute("name", clean(task.dataset() + "/" + task.taskId()));
        xml.writeAttribute("time", Text.seconds(attempts.stream().mapToLong(TrialRecord::totalMs).sum()));
        if (!failed && !errored) {
            return;
        }
        TrialStatus kind = failed ? TrialStatus.FAILED : TrialStatus.ERROR;
        long count = attempts.stream().filter(r -> r.status() == kind).count();
        newline(xml, 3);
        xml.writeStartElement(failed ? "failure" : "error");
        xml.writeAttribute("message", count + " of " + attempts.size() + " attempt(s) " + (failed ? "failed" : "errored")
            + (failed ? "" : ": " + clean(Text.firstLine(firstError(attempts).errorKind().wireName() + ": " + firstError(attempts).errorMessage(), 200))));
        xml.writeAttribute("type", failed ? "failed" : firstError(attempts).errorKind().wireName());
        StringBuilder text = new StringBuilder();
        for (TrialRecord r : attempts) {
            text.append("\nattempt ").append(r.attempt()).append(": ").append(r.status().wireName())
                .append(r.reward() == null ? "" : ", reward " + r.reward())
                .append(r.errorKind() == null ? "" : ", " + r.errorKind().wireName() + ": " + Text.firstLine(r.errorMessage(), 500))
                .append(", trial ").append(r.trialId());
        }
        xml.writeCharacters(clean(text.append('\n').toString()));
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static TrialRecord firstError(List<TrialRecord> attempts) {
        return attempts.stream().filter(r -> r.status() == TrialStatus.ERROR).findFirst().orElseThrow();
    }

    private static boolean failed(List<TrialRecord> attempts) {
        return attempts.stream().anyMatch(r -> r.status() == TrialStatus.FAILED);
    }

    private static boolean errored(List<TrialRecord> attempts) {
        return !failed(attempts) && attempts.stream().anyMatch(r -> r.status() == TrialStatus.ERROR);
    }

    private static Map<TaskKey, List<TrialRecord>> byTask(Standing standing) {
        Map<TaskKey, List<TrialRecord>> tasks = new TreeMap<>();
        for (TrialRecord r : standing.trials()) {
            tasks.computeIfAbsent(TaskKey.of(r), k -> new ArrayList<>()).add(r);
        }
        tasks.values().forEach(list -> list.sort(Comparator.comparingInt(TrialRecord::attempt)));
        return tasks;
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        newline(xml, 3);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Drops the characters XML 1.0 cannot hold at all (most control characters), which command output can contain. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }
}
