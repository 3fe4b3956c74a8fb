package dev.gauntlet.sandbox.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Tar archives for copying files into and out of a sandbox. */
public final class Tars {

    private Tars() {
    }

    /**
     * A tar of a host directory's contents placed under {@code target} (an absolute path, leading slash
     * dropped), with parent directories, file modes kept and root ownership.
     */
    public static byte[] of(Path dir, String target) {
        String prefix = target.replaceAll("^/+", "").replaceAll("/+$", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);
             Stream<Path> walk = Files.walk(dir)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            String parents = "";
            for (String part : prefix.split("/")) {
                if (!part.isEmpty()) {
                    parents += part + "/";
                    tar.putArchiveEntry(directory(parents));
                    tar.closeArchiveEntry();
                }
            }
            List<Path> paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
            for (Path path : paths) {
                String name = prefix + "/" + dir.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    tar.putArchiveEntry(directory(name + "/"));
                } else {
                    TarArchiveEntry entry = new TarArchiveEntry(name);
                    entry.setSize(Files.size(path));
                    entry.setMode(Files.isExecutable(path) ? 0755 : 0644);
                    tar.putArchiveEntry(entry);
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + dir, e);
        }
        return bytes.toByteArray();
    }

    /** The first regular file of a tar stream, at most {@code maxBytes} of it. */
    public static Optional<byte[]> firstFile(InputStream in, int maxBytes) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    return Optional.of(tar.readNBytes(maxBytes));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Extracts a tar as the engine sends it (entries under the copied directory's own name) into {@code target},
     * without that first path component. Regular files and directories only; an entry that would land outside
     * {@code target} is refused; files are written until {@code maxBytes} is reached, the rest left out.
     */
    public static void extract(InputStream in, Path target, long maxBytes) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        long budget = maxBytes;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? (entry.isDirectory() ? "" : name) : name.substring(slash + 1);
                Path out = root.resolve(relative).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("refusing tar entry outside the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isFile() && entry.getSize() <= budget) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    budget -= entry.getSize();
                }
            }
        }
    }

    private static TarArchiveEntry directory(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040755);
        return entry;
    }
}
