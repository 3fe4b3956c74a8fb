package dev.gauntlet.reports.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How trials that ended in an error count in the metrics. */
public enum ErrorPolicy {
    /** Errored trials are left out: they count neither as attempts nor as passes. */
    EXCLUDE,
    /** Errored trials count as attempts that failed with reward 0. */
    ZERO;

    /** The name used on the command line and in {@code run.json}: {@code exclude} or {@code zero}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the summary says about errored trials. */
    public String describe() {
        return this == EXCLUDE ? "errored trials excluded" : "errored trials scored 0";
    }

    /**
     * Parses a wire name.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static ErrorPolicy parse(String wireName) {
        for (ErrorPolicy policy : values()) {
            if (policy.wireName().equals(wireName)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown error policy '" + wireName + "'; allowed: "
            + Arrays.stream(values()).map(ErrorPolicy::wireName).collect(Collectors.joining(", ")));
    }
}
