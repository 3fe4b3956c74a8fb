package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}. Run with {@code -Dgolden.update=true} to rewrite them from
 * the current output, then review the diff before committing it.
 */
public final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file)).as("golden file %s exists (create it with -Dgolden.update=true)", file).isTrue();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
