package dev.gauntlet.harness.run;

import dev.gauntlet.reports.metrics.ErrorPolicy;
import dev.gauntlet.scorers.AnswerScorers;
import dev.gauntlet.scorers.Judge;
import dev.gauntlet.scorers.Scorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a run scores answer-style samples and counts its metrics.
 *
 * @param scorer the answer scorer's spec ({@code --scorer}), see {@link AnswerScorers}
 * @param rubric a file holding the judge's rubric for {@code --scorer model:MODEL}, or {@code null} for the default
 * @param errors how errored trials count in the metrics ({@code --errors})
 */
public record ScoringOptions(String scorer, Path rubric, ErrorPolicy errors) {

    /** @throws IllegalArgumentException for an unknown scorer, a bad argument or an unreadable rubric, saying which */
    public ScoringOptions {
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(errors, "errors");
        if (rubric != null && !Files.isReadable(rubric)) {
            throw new IllegalArgumentException("--rubric " + rubric + ": no such file (it holds the judge's rubric as text)");
        }
        AnswerScorers.parse(scorer, UnopenedJudge::new, null);
    }

    /** The answer scorer, its judge (if any) opened by {@code judges}. */
    public Scorer answerScorer(Function<String, Judge> judges) {
        return AnswerScorers.parse(scorer, judges, rubricText());
    }

    /** The rubric's text, or {@code null} for the default. */
    public String rubricText() {
        if (rubric == null) {
            return null;
        }
        try {
            return Files.readString(rubric, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --rubric " + rubric, e);
        }
    }

    /** Stands in for a judge while a spec is only checked. */
    private record UnopenedJudge(String spec) implements Judge {
        @Override
        public String ask(String prompt) {
            throw new IllegalStateException("the judge " + spec + " is not open");
        }
    }

    /** The exact scorer, the default rubric, errored trials excluded. */
    public static ScoringOptions defaults() {
        return new ScoringOptions(AnswerScorers.DEFAULT, null, ErrorPolicy.EXCLUDE);
    }
}
