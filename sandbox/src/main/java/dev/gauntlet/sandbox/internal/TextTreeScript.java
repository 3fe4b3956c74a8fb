package dev.gauntlet.sandbox.internal;

import dev.gauntlet.sandbox.ShellQuoting;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A shell script that recreates a small directory of text files (a task's tests, typically) under a target, with
 * the same modes as {@link Tars#of}: one command through a session instead of an archive upload, which costs the
 * engine a process of its own. Empty when the directory is not small plain text (a binary, a link, too large):
 * then the archive is the way.
 */
public final class TextTreeScript {

    static final long MAX_FILE_BYTES = 64 * 1024;
    static final long MAX_TOTAL_BYTES = 256 * 1024;

    private TextTreeScript() {
    }

    public static Optional<String> of(Path dir, String target) {
        // a subshell, so set -e and umask do not stay in the session's shell
        StringBuilder script = new StringBuilder("(set -e; umask 022; mkdir -p ").append(ShellQuoting.quote(target));
        long total = 0;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted().toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Path path : paths) {
            if (path.equals(dir)) {
                continue;
            }
            String inSandbox = target + "/" + dir.relativize(path).toString().replace('\\', '/');
            if (Files.isSymbolicLink(path)) {
                return Optional.empty();
            }
            if (Files.isDirectory(path)) {
                script.append("; mkdir -p ").append(ShellQuoting.quote(inSandbox));
                continue;
            }
            Optional<String> text = text(path);
            if (text.isEmpty() || (total += text.get().length()) > MAX_TOTAL_BYTES) {
                return Optional.empty();
            }
            script.append("; printf '%s' ").append(ShellQuoting.quote(text.get())).append(" > ").append(ShellQuoting.quote(inSandbox))
                .append("; chmod ").append(Files.isExecutable(path) ? "755 " : "644 ").append(ShellQuoting.quote(inSandbox));
        }
        return Optional.of(script.append(')').toString());
    }

    /** The file as UTF-8 text, if it is a small regular file of valid UTF-8 without NUL bytes. */
    private static Optional<String> text(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
