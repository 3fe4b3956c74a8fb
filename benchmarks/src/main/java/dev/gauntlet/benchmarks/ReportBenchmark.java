package dev.gauntlet.benchmarks;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepRecordReader;
import dev.gauntlet.records.StepRecordWriter;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialRecordWriter;
import dev.gauntlet.records.TrialStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code gauntlet report} over a synthetic leaderboard: {@value #RUNS} runs (one model each) of
 * {@value #TASKS} tasks × {@value #ATTEMPTS} attempts (100,000 trial records), {@value #STEPS} steps per trial
 * (1,000,000 step records) with outputs of 50–600 chars and one in 50 of 8,000. Part files are as large as a run
 * writes them (100 trials, 1,000 steps). The report runs as the packaged CLI in its own JVM with
 * {@code -Xmx1g}; its wall time is set against reading the same records in this JVM (the floor any report pays).
 * The peak heap in use is read from the child's GC log. Progress goes to stderr; the last line on stdout is one
 * JSON object. The synthetic runs are deleted at the end.
 *
 * <p>Arguments: the path of {@code gauntlet.jar}; optionally a directory to keep the report files in (to open the
 * page of a run this large in a browser).
 */
public final class ReportBenchmark {

    static final int RUNS = 5;
    static final int TASKS = 2_000;
    static final int ATTEMPTS = 10;
    static final int STEPS = 10;
    static final int TRIALS_PER_PART = 100;
    static final int STEPS_PER_PART = 1_000;
    static final String HEAP = "1g";
    static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path root = Files.createTempDirectory("gauntlet-report-bench");
        try {
            long start = System.nanoTime();
            List<Path> runs = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                runs.add(generate(root.resolve("run-" + run), run));
                System.err.printf(Locale.ROOT, "generated run %d of %d%n", run + 1, RUNS);
            }
            double generateS = seconds(start);
            long parquetBytes = size(root);

            start = System.nanoTime();
            LongAdder steps = new LongAdder();
            int trials = 0;
            for (Path run : runs) {
                trials += TrialRecordReader.readAll(run.resolve("trials")).size();
                StepRecordReader.forEach(run.resolve("steps"), s -> steps.increment());
            }
            double readS = seconds(start);
            System.err.printf(Locale.ROOT, "read %,d trials and %,d steps in %.1f s%n", trials, steps.sum(), readS);

            Path out = root.resolve("report");
            Path gcLog = root.resolve("gc.log");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + HEAP,
                "-Xlog:gc:file=" + gcLog, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "report"));
            runs.forEach(r -> command.add(r.toString()));
            command.addAll(List.of("--out", out.toString()));
            start = System.nanoTime();
            Process report = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(root.resolve("report.txt").toFile()).start();
            if (!report.waitFor(10, TimeUnit.MINUTES)) {
                report.destroyForcibly();
                throw new IllegalStateException("the report took more than 10 minutes");
            }
            double reportS = seconds(start);
            String printed = Files.readString(root.resolve("report.txt"));
            System.err.print(printed);
            if (report.exitValue() != 0) {
                throw new IllegalStateException("gauntlet report exited " + report.exitValue());
            }
            long peakHeapMb = peakHeapMb(gcLog);
            long omitted = omittedSteps(printed);
            if (args.length > 1) {
                Files.createDirectories(Path.of(args[1]));
                for (String file : List.of("report.html", "summary.md", "junit.xml")) {
                    Files.copy(out.resolve(file), Path.of(args[1]).resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"report\",\"runs\":%d,\"trials\":%d,\"steps\":%d,\"parquet_mb\":%.1f,"
                    + "\"generate_s\":%.1f,\"read_s\":%.2f,\"report_s\":%.2f,\"report_to_read_ratio\":%.2f,\"max_heap\":\"%s\","
                    + "\"peak_heap_used_mb\":%d,\"html_mb\":%.1f,\"steps_embedded\":%d,\"steps_omitted\":%d,\"within_30s\":%b}%n",
                RUNS, trials, steps.sum(), parquetBytes / 1e6, generateS, readS, reportS, reportS / readS, HEAP, peakHeapMb,
                Files.size(out.resolve("report.html")) / 1e6, steps.sum() - omitted, omitted, reportS <= 30);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One run of one model: task difficulty fixed per task, the model's skill per run, 2% errors. */
    static Path generate(Path dir, int run) throws IOException {
        SplittableRandom random = new SplittableRandom(run);
        String runId = "bench-" + run;
        String model = "openai/model-" + (char) ('a' + run);
        double skill = 0.35 + 0.1 * run;
        List<TrialRecord> trials = new ArrayList<>();
        List<StepRecord> steps = new ArrayList<>();
        for (int task = 0; task < TASKS; task++) {
            double difficulty = new SplittableRandom(task).nextDouble();
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                String trialId = String.format("%s-%05d-%02d", runId, task, attempt);
                Instant start = T0.plusSeconds(task * 100L + attempt * 7L);
                double r = random.nextDouble();
                TrialStatus status = r < 0.02 ? TrialStatus.ERROR : random.nextDouble() < skill * (1.2 - difficulty) ? TrialStatus.PASSED : TrialStatus.FAILED;
                Double reward = status == TrialStatus.ERROR ? null : status == TrialStatus.PASSED ? 1.0 : 0.0;
                long agentMs = 5_000 + random.nextInt(120_000);
                long input = 20_000 + random.nextInt(200_000);
                long output = 500 + random.nextInt(8_000);
                trials.add(new TrialRecord(runId, trialId, "bench", String.format("task-%04d", task), "h" + task, "bash", model, attempt,
                    status, status == TrialStatus.ERROR ? ErrorKind.AGENT_TIMEOUT : null, status == TrialStatus.ERROR ? "agent ran out of time" : null,
                    reward, reward == null ? Map.of() : Map.of("reward", reward), start, start.plusMillis(agentMs + 3_000), 800, agentMs, 2_000,
                    agentMs + 3_000, "gauntlet-env:bench", "c" + trialId, new AgentUsage(STEPS, input, input / 3, output, (input * 2.5 + output * 10) / 1e6,
                        null, 0), 0));
                for (int step = 1; step <= STEPS; step++) {
                    int outputChars = random.nextInt(50) == 0 ? 8_000 : 50 + random.nextInt(550);
                    steps.add(new StepRecord(runId, trialId, step, start.plusSeconds(step * 10L), 1_000 + random.nextInt(9_000), random.nextInt(3_000),
                        2_000 + step * 1_000L, 50 + random.nextInt(400), "cd /app && grep -rn 'TODO' src/ | head -n " + step, random.nextInt(4) == 0 ? 1 : 0,
                        text(random, outputChars), null));
                    if (steps.size() == STEPS_PER_PART) {
                        StepRecordWriter.writePart(dir.resolve("steps"), steps);
                        steps.clear();
                    }
                }
                if (trials.size() == TRIALS_PER_PART) {
                    TrialRecordWriter.writePart(dir.resolve("trials"), trials);
                    trials.clear();
                }
            }
        }
        if (!trials.isEmpty()) {
            TrialRecordWriter.writePart(dir.resolve("trials"), trials);
        }
        if (!steps.isEmpty()) {
            StepRecordWriter.writePart(dir.resolve("steps"), steps);
        }
        return dir;
    }

    /** Text like a command's output: lines of words, not one repeated character (which would compress to nothing). */
    private static String text(SplittableRandom random, int chars) {
        StringBuilder text = new StringBuilder(chars + 16);
        while (text.length() < chars) {
            text.append("src/module").append(random.nextInt(100)).append(".py:").append(random.nextInt(2_000)).append(": # TODO ")
                .append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append('\n');
        }
        return text.substring(0, chars);
    }

    private static long peakHeapMb(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_HEAP.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }

    private static long omittedSteps(String printed) {
        Matcher m = Pattern.compile("(\\d+) step\\(s\\) not embedded").matcher(printed);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
