package dev.gauntlet.scorers;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The scorers of answer-style samples, by spec ({@code --scorer}): {@code exact}, {@code includes}, {@code regex},
 * {@code numeric[:TOLERANCE]}, {@code json[:PATH]}, {@code model:MODEL} (a judge model, e.g.
 * {@code model:openai/gpt-4o}) and {@code command:FILE} (a script run in the sandbox).
 */
public final class AnswerScorers {

    /** The scorer of samples unless the run names another. */
    public static final String DEFAULT = "exact";

    /** Every accepted spec form, for messages. */
    public static final List<String> KNOWN = List.of("exact", "includes", "regex", "numeric[:TOLERANCE]", "json[:PATH]",
        "model:MODEL", "command:FILE");

    private AnswerScorers() {
    }

    /**
     * The scorer a spec names.
     *
     * @param judges opens a judge model by its spec, for {@code model:MODEL}
     * @param rubric the judge's rubric, or {@code null} for {@link ModelGradedScorer#DEFAULT_RUBRIC}
     * @throws IllegalArgumentException for an unknown spec or a bad argument, listing what is accepted
     */
    public static Scorer parse(String spec, Function<String, Judge> judges, String rubric) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1);
        return switch (name) {
            case "exact" -> noArgument(spec, argument, new ExactScorer());
            case "includes" -> noArgument(spec, argument, new IncludesScorer());
            case "regex" -> noArgument(spec, argument, new RegexScorer());
            case "numeric" -> new NumericScorer(tolerance(spec, argument));
            case "json" -> new JsonFieldScorer(argument == null ? "" : argument);
            case "model" -> new ModelGradedScorer(judges.apply(required(spec, argument, "a model, e.g. model:openai/gpt-4o")), rubric);
            case "command" -> new CommandScorer(Path.of(required(spec, argument, "a script file, e.g. command:score.sh")));
            default -> throw new IllegalArgumentException("unknown scorer '" + spec + "'; known: " + String.join(", ", KNOWN));
        };
    }

    private static Scorer noArgument(String spec, String argument, Scorer scorer) {
        if (argument != null) {
            throw new IllegalArgumentException("scorer '" + spec + "': " + scorer.name() + " takes no argument");
        }
        return scorer;
    }

    private static String required(String spec, String argument, String what) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("scorer '" + spec + "' needs " + what);
        }
        return argument;
    }

    private static double tolerance(String spec, String argument) {
        if (argument == null) {
            return 0;
        }
        try {
            double tolerance = Double.parseDouble(argument);
            if (tolerance >= 0 && Double.isFinite(tolerance)) {
                return tolerance;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("scorer '" + spec + "': the tolerance must be a number of at least 0, e.g. numeric:0.01");
    }
}
