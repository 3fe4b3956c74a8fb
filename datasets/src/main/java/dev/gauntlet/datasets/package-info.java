/**
 * The task model and the loaders that read tasks from disk.
 *
 * <p>{@link dev.gauntlet.datasets.Dataset#load(java.nio.file.Path, dev.gauntlet.datasets.DatasetOptions)} reads a
 * Harbor or Terminal-Bench 1 task directory, a directory of such tasks and JSONL sample files, or one JSONL file;
 * validates each task and reports every problem with file, field (or line) and reason; selects tasks by id globs,
 * limit and seed; and fingerprints the dataset. A task or sample that fails to load is reported and skipped; the
 * others load.
 */
package dev.gauntlet.datasets;
