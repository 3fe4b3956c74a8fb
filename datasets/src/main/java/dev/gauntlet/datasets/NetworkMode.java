package dev.gauntlet.datasets;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What network a task's sandbox may reach ({@code [environment] network_mode}). */
public enum NetworkMode {
    PUBLIC("public"), NO_NETWORK("no-network"), ALLOWLIST("allowlist");

    private final String wireName;

    NetworkMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; the error lists the allowed values. */
    public static NetworkMode parse(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(value)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a network mode; allowed: "
                + Arrays.stream(values()).map(NetworkMode::wireName).collect(Collectors.joining(", "))));
    }
}
