package dev.gauntlet.datasets;

import java.util.List;
import java.util.Objects;

/**
 * How datasets are loaded and which of their tasks run.
 *
 * @param sampleImage the image every sample of a JSONL file runs in
 * @param include     task-id globs; when any is given, only tasks matching one run ({@code --task})
 * @param exclude     task-id globs; tasks matching one do not run ({@code --exclude})
 * @param limit       at most this many tasks per dataset, or {@code null} for all ({@code --limit})
 * @param sampleSeed  shuffle the tasks with this seed before the limit applies, or {@code null} to take them in id
 *                    order ({@code --sample-seed})
 */
public record DatasetOptions(String sampleImage, List<String> include, List<String> exclude, Integer limit, Long sampleSeed) {

    /** The image JSONL samples run in unless told otherwise. */
    public static final String DEFAULT_SAMPLE_IMAGE = "debian:bookworm-slim";

    public DatasetOptions {
        Objects.requireNonNull(sampleImage, "sampleImage");
        if (sampleImage.isBlank()) {
            throw new IllegalArgumentException("--sample-image must not be blank");
        }
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
    }

    /** Every task, samples in {@link #DEFAULT_SAMPLE_IMAGE}. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(DEFAULT_SAMPLE_IMAGE, List.of(), List.of(), null, null);
    }

    /** True when some task might be left out. */
    public boolean filters() {
        return !include.isEmpty() || !exclude.isEmpty() || limit != null;
    }
}
