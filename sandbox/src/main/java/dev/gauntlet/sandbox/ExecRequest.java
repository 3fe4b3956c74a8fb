package dev.gauntlet.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A shell command to run in a sandbox. Its standard input is empty, so a command that reads it gets EOF.
 *
 * @param command     run with {@code sh -c}
 * @param timeout     how long it may run
 * @param user        the user to run as, or null for the image's default
 * @param workdir     the working directory, or null for the sandbox's
 * @param env         extra environment variables
 * @param outputLimit bytes of output kept; past it the head and tail are kept and the cut is marked
 */
public record ExecRequest(String command, Duration timeout, String user, String workdir, Map<String, String> env,
                          int outputLimit) {

    public static final int DEFAULT_OUTPUT_LIMIT = 64 * 1024;

    public ExecRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        env = Map.copyOf(env);
        if (outputLimit < 64) {
            throw new IllegalArgumentException("outputLimit must be at least 64 bytes, got " + outputLimit);
        }
    }

    public static ExecRequest of(String command, Duration timeout) {
        return new ExecRequest(command, timeout, null, null, Map.of(), DEFAULT_OUTPUT_LIMIT);
    }

    public ExecRequest withUser(String newUser) {
        return new ExecRequest(command, timeout, newUser, workdir, env, outputLimit);
    }

    public ExecRequest withWorkdir(String newWorkdir) {
        return new ExecRequest(command, timeout, user, newWorkdir, env, outputLimit);
    }

    public ExecRequest withEnv(Map<String, String> newEnv) {
        return new ExecRequest(command, timeout, user, workdir, newEnv, outputLimit);
    }
}
