package dev.gauntlet.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The docker CLI, to look at the engine from outside Gauntlet's own code. */
public final class Docker {

    private Docker() {
    }

    /** Ids of containers (running or not) carrying {@code label}. */
    public static List<String> containersWithLabel(String label) {
        return run("docker", "ps", "-aq", "--filter", "label=" + label);
    }

    public static List<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
