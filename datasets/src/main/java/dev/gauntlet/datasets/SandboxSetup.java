package dev.gauntlet.datasets;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is put into a task's sandbox before any attempt starts, once per task: files, then a setup script. Part of the
 * task's snapshot, so every attempt starts from the same state.
 *
 * @param files  absolute paths in the sandbox to their text content
 * @param script a shell script run as root after the files are written, or {@code null}
 */
public record SandboxSetup(Map<String, String> files, String script) {

    /** Nothing to set up. */
    public static final SandboxSetup NONE = new SandboxSetup(Map.of(), null);

    public SandboxSetup {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        files.keySet().forEach(path -> {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("setup file paths must be absolute, got \"" + path + "\"");
            }
        });
    }

    public boolean isEmpty() {
        return files.isEmpty() && (script == null || script.isBlank());
    }
}
