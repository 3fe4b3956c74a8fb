package dev.gauntlet.scorers;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text normalization shared by the answer scorers. */
final class Text {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Text() {
    }

    /** Unicode NFC (so a precomposed é equals e + combining accent), trimmed, every run of whitespace one space. */
    static String squash(String text) {
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** At most {@code max} characters, the cut marked. */
    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** The text quoted for an explanation, short. */
    static String quoted(String text) {
        return "'" + abbreviate(text, 80) + "'";
    }
}
