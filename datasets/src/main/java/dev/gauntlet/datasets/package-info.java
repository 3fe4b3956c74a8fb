/**
 * The task model and the loaders that read tasks from disk.
 *
 * <p>{@link dev.gauntlet.datasets.Dataset#load(java.nio.file.Path)} reads a directory that is a task or holds
 * tasks (Harbor layout), validates each task and reports every problem with file, field and reason. A task
 * that fails to load is reported and skipped; the others load.
 */
package dev.gauntlet.datasets;
