package dev.gauntlet.sandbox;

/** Quoting text for the POSIX shell that sandboxes run commands in. */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    /** {@code it's} becomes {@code 'it'\''s'}; a NUL byte cannot be quoted and is refused. */
    public static String quote(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell command cannot contain a NUL byte");
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
