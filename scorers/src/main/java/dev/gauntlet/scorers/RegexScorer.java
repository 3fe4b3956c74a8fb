package dev.gauntlet.scorers;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A target is a Java regular expression that must be found somewhere in the answer (NFC-normalized); anchor it
 * with {@code ^...$} to match the whole answer, add {@code (?i)} to ignore case. {@code \w}, {@code \d} and
 * {@code \s} are Unicode-aware. A target that is not a valid pattern leaves the trial unscored.
 */
final class RegexScorer extends AnswerScorer {

    @Override
    public String name() {
        return "regex";
    }

    @Override
    Score match(String answer, String target) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(target, Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            return new Score.Unscored("the target " + Text.quoted(target) + " is not a valid regular expression: "
                + e.getDescription() + " near index " + e.getIndex());
        }
        return pattern.matcher(Text.nfc(answer)).find() ? pass() : fail("the answer has no match for /" + Text.abbreviate(target, 80) + "/");
    }
}
