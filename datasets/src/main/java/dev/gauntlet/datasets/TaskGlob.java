package dev.gauntlet.datasets;

import java.util.regex.Pattern;

/**
 * A glob over task ids: {@code *} matches any run of characters (slashes included), {@code ?} one character,
 * everything else itself; the whole id must match.
 */
public record TaskGlob(String glob, Pattern pattern) {

    public static TaskGlob of(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new TaskGlob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    public boolean matches(String taskId) {
        return pattern.matcher(taskId).matches();
    }
}
