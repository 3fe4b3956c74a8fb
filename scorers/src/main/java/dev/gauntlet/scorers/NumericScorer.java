package dev.gauntlet.scorers;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last number in the answer is within {@code tolerance} (absolute) of the target, a number. Numbers are read
 * after Unicode NFKC normalization (so full-width digits count) with the minus sign U+2212 taken for {@code -}
 * and thousands separators ({@code 1,234}) dropped: {@code "The total is 1,234.5 apples"} reads 1234.5.
 */
final class NumericScorer extends AnswerScorer {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private final double tolerance;

    NumericScorer(double tolerance) {
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("the numeric scorer's tolerance must be a number of at least 0, got " + tolerance);
        }
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return tolerance == 0 ? "numeric" : "numeric:" + BigDecimal.valueOf(tolerance).stripTrailingZeros().toPlainString();
    }

    @Override
    Score match(String answer, String target) {
        BigDecimal expected = lastNumber(target);
        if (expected == null || !normalize(target).strip().replace(",", "").matches("[-+]?[\\d.]+(?:[eE][-+]?\\d+)?")) {
            return new Score.Unscored("the target " + Text.quoted(target) + " is not a number; the numeric scorer needs one");
        }
        BigDecimal actual = lastNumber(answer);
        if (actual == null) {
            return fail("the answer " + Text.quoted(answer.strip()) + " holds no number");
        }
        BigDecimal off = actual.subtract(expected).abs();
        return off.compareTo(BigDecimal.valueOf(tolerance)) <= 0 ? pass()
            : fail("the answer's number " + actual.toPlainString() + " is " + off.toPlainString() + " off " + expected.toPlainString()
                + (tolerance == 0 ? "" : String.format(Locale.ROOT, " (tolerance %s)", BigDecimal.valueOf(tolerance).toPlainString())));
    }

    /** The last number in {@code text}, or {@code null} when it holds none. */
    static BigDecimal lastNumber(String text) {
        Matcher m = NUMBER.matcher(normalize(text));
        String last = null;
        while (m.find()) {
            String found = m.group();
            if (found.chars().anyMatch(Character::isDigit)) {
                last = found;
            }
        }
        if (last == null) {
            return null;
        }
        try {
            return new BigDecimal(last.replace(",", "").replaceFirst("^\\+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u2212', '-');
    }
}
