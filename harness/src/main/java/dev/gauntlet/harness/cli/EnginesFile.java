package dev.gauntlet.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The engines of a run from a YAML file ({@code --engines FILE}), one entry per engine with the settings
 * {@code --docker-host} takes:
 * <pre>
 * engines:
 *   - host: unix:///var/run/docker.sock
 *     capacity: 40
 *   - host: tcp://10.0.0.5:2376
 *     tls: certs/box2        # ca.pem, cert.pem and key.pem; relative to this file
 *     capacity: 16
 * </pre>
 */
final class EnginesFile {

    private static final Set<String> SETTINGS = Set.of("host", "capacity", "tls");

    private EnginesFile() {
    }

    static List<DockerOptions.Address> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--engines " + file + ": cannot be read (" + e + ")", e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("--engines " + file + ": cannot be read as YAML: " + e.getMessage(), e);
        }
        JsonNode engines = root == null ? null : root.get("engines");
        if (engines == null || !engines.isArray() || engines.isEmpty()) {
            throw new IllegalArgumentException("--engines " + file + ": needs a list 'engines:' with at least one entry "
                + "(each with host, and optionally capacity and tls)");
        }
        List<DockerOptions.Address> addresses = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            addresses.add(entry(file, "engines[" + i + "]", engines.get(i)));
        }
        return addresses;
    }

    private static DockerOptions.Address entry(Path file, String where, JsonNode entry) {
        if (!entry.isObject()) {
            throw problem(file, where, "is not a mapping; give host, and optionally capacity and tls");
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SETTINGS.contains(name)) {
                throw problem(file, where + "." + name, "is not a setting; an engine has host, capacity and tls");
            }
        }
        JsonNode host = entry.get("host");
        if (host == null || !host.isTextual() || host.asText().isBlank()) {
            throw problem(file, where + ".host", "is required: the engine's address, e.g. unix:///var/run/docker.sock or "
                + "tcp://10.0.0.5:2376");
        }
        Integer capacity = null;
        JsonNode given = entry.get("capacity");
        if (given != null) {
            if (!given.canConvertToInt() || !given.isIntegralNumber() || given.asInt() < 1) {
                throw problem(file, where + ".capacity", "must be a whole number of at least 1 (sandboxes at once), got " + given);
            }
            capacity = given.asInt();
        }
        Path tls = null;
        JsonNode dir = entry.get("tls");
        if (dir != null) {
            if (!dir.isTextual() || dir.asText().isBlank()) {
                throw problem(file, where + ".tls", "must be the directory holding the engine's ca.pem, cert.pem and key.pem");
            }
            Path base = file.toAbsolutePath().getParent();
            tls = base.resolve(dir.asText().replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
        }
        return new DockerOptions.Address(host.asText().trim(), capacity, tls);
    }

    private static IllegalArgumentException problem(Path file, String field, String what) {
        return new IllegalArgumentException("--engines " + file + ": " + field + " " + what);
    }
}
