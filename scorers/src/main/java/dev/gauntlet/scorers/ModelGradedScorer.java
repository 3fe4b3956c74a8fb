package dev.gauntlet.scorers;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge model grades the answer against the targets with a rubric, and ends its reply with {@code GRADE: C}
 * (correct, reward 1), {@code GRADE: P} (partly, 0.5) or {@code GRADE: I} (incorrect, 0); the last such line counts.
 * The verdict and the judge's explanation are the score's explanation. A reply without a grade leaves the trial
 * unscored; a judge that cannot be asked throws {@link JudgeException}.
 */
public final class ModelGradedScorer implements Scorer {

    /** Used when no rubric is given. */
    public static final String DEFAULT_RUBRIC = "The answer is correct when it gives the same result as a reference answer; "
        + "differences of wording, case, formatting or extra explanation do not matter. It is partly correct when it is "
        + "right in part but incomplete or imprecise, and incorrect otherwise.";
    static final int MAX_EXPLANATION = 2000;
    private static final Pattern GRADE = Pattern.compile("GRADE\\s*:\\s*\\**\\s*([CPI])\\b", Pattern.CASE_INSENSITIVE);

    private final Judge judge;
    private final String rubric;

    public ModelGradedScorer(Judge judge, String rubric) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.rubric = rubric == null || rubric.isBlank() ? DEFAULT_RUBRIC : rubric.strip();
    }

    @Override
    public String name() {
        return "model:" + judge.spec();
    }

    @Override
    public Score score(Submission submission) {
        if (submission.answer() == null) {
            return Score.Value.of(0, "no answer: the agent wrote no " + dev.gauntlet.datasets.Verification.ANSWER_FILE);
        }
        String reply = judge.ask(prompt(submission.input(), String.join("\n", submission.targets()), submission.answer()));
        Matcher m = GRADE.matcher(reply);
        String grade = null;
        while (m.find()) {
            grade = m.group(1).toUpperCase(java.util.Locale.ROOT);
        }
        if (grade == null) {
            return new Score.Unscored("the judge " + judge.spec() + " gave no grade (a last line GRADE: C, P or I); it replied: "
                + Text.abbreviate(reply.strip(), 400));
        }
        double reward = switch (grade) {
            case "C" -> 1.0;
            case "P" -> 0.5;
            default -> 0.0;
        };
        String verdict = switch (grade) {
            case "C" -> "correct";
            case "P" -> "partly correct";
            default -> "incorrect";
        };
        return Score.Value.of(reward, "verdict " + grade + " (" + verdict + "): " + Text.abbreviate(reply.strip(), MAX_EXPLANATION));
    }

    String prompt(String input, String targets, String answer) {
        return """
            You are grading an answer to a question, following the rubric below.

            [Question]
            %s

            [Reference answer]
            %s

            [Answer to grade]
            %s

            [Rubric]
            %s

            Explain your reasoning in a few sentences. Then end your reply with a line that is exactly "GRADE: C" if \
            the answer is correct, "GRADE: P" if it is partly correct, or "GRADE: I" if it is incorrect.
            """.formatted(input.strip(), targets.isBlank() ? "(none given; judge by the question and the rubric)" : targets.strip(),
            answer.strip(), rubric);
    }
}
