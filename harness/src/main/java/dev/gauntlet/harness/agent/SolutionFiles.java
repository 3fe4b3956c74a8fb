package dev.gauntlet.harness.agent;

import dev.gauntlet.datasets.Solution;
import dev.gauntlet.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Places a solution's files under {@code /solution} in a sandbox, staged through a temporary host directory. */
final class SolutionFiles {

    private SolutionFiles() {
    }

    static void copyIn(Sandbox sandbox, Solution.Script script) {
        Path staging = null;
        try {
            staging = Files.createTempDirectory("gauntlet-solution");
            for (Map.Entry<String, Path> file : script.files().entrySet()) {
                Path target = staging.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.copy(file.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            sandbox.copyIn(staging, "/solution");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the solution files " + script.files().values(), e);
        } finally {
            delete(staging);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
