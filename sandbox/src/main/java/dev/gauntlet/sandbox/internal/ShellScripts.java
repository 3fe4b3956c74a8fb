package dev.gauntlet.sandbox.internal;

import dev.gauntlet.sandbox.ShellQuoting;
import java.util.Map;

/** The shell text a session writes: a command wrapped so its end and exit code can be read back. */
public final class ShellScripts {

    /** Starts bash where there is one, else sh, without reading any profile. */
    public static final String START = "command -v bash >/dev/null 2>&1 && exec bash --noprofile --norc || exec sh";

    /**
     * Kills every descendant of the process {@code $1} (not the process itself), reading only {@code /proc}, so
     * it works in any image with a POSIX shell.
     */
    public static final String KILL_DESCENDANTS = """
        root=$1; tree=" $root "
        while :; do
          new=""
          for s in /proc/[0-9]*/stat; do
            read -r line < "$s" 2>/dev/null || continue
            pid=${s#/proc/}; pid=${pid%/stat}
            set -- ${line##*) }
            case "$tree" in *" $2 "*) case "$tree" in *" $pid "*) ;; *) new="$new $pid ";; esac;; esac
          done
          [ -z "$new" ] && break
          tree="$tree$new"
        done
        for pid in $tree; do [ "$pid" = "$root" ] || kill -9 "$pid" 2>/dev/null; done
        true
        """;

    private ShellScripts() {
    }

    /**
     * The line that runs {@code command} in the session and then prints {@code mark} and its exit code. Without
     * a working directory or variables the command runs in the session's own shell, so {@code cd} and
     * {@code export} persist; with them it runs in a subshell that has them. Standard input is empty.
     */
    public static String wrap(String command, String workdir, Map<String, String> env, String mark) {
        String run = "eval " + ShellQuoting.quote(command);
        if (workdir != null || !env.isEmpty()) {
            StringBuilder prefix = new StringBuilder("(");
            if (workdir != null) {
                prefix.append("cd ").append(ShellQuoting.quote(workdir)).append(" && ");
            }
            env.forEach((k, v) -> {
                if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("'" + k + "' is not a valid environment variable name");
                }
                prefix.append("export ").append(k).append('=').append(ShellQuoting.quote(v)).append(" && ");
            });
            run = prefix + run + ")";
        }
        return run + " </dev/null 2>&1; printf '%s%d\\n' " + ShellQuoting.quote(mark) + " \"$?\"\n";
    }
}
