package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.time.Duration;

/** A housekeeping command run to its end over a raw exec stream; its output is not kept. */
final class OneShotExec {

    private OneShotExec() {
    }

    /** Runs {@code cmd} and waits for it, at most {@code timeout}; returns false when it could not be run or did not end. */
    static boolean run(DockerClient client, EngineEndpoint engine, String containerId, String user, String[] cmd, Duration timeout) {
        try {
            String id = client.execCreateCmd(containerId).withCmd(cmd).withUser(user)
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
            try (ExecStream stream = ExecStream.start(engine, id)) {
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        while (stream.read() != null) {
                            // drain
                        }
                    } catch (IOException ignored) {
                        // closed
                    }
                });
                return reader.join(timeout);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
