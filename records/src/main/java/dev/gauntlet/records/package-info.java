/**
 * Trial and step records: one immutable {@link dev.gauntlet.records.TrialRecord} per trial, one
 * {@link dev.gauntlet.records.StepRecord} per step of an agent loop, and their on-disk formats.
 *
 * <p>A run keeps each kind in a directory of its own, holding Parquet part files
 * ({@code part-00000-1a2b3c4d.parquet}, ...) with the schema of {@link dev.gauntlet.records.TrialSchema} or
 * {@link dev.gauntlet.records.StepSchema}. {@link dev.gauntlet.records.TrialRecordWriter} and
 * {@link dev.gauntlet.records.StepRecordWriter} add a part atomically; {@link dev.gauntlet.records.TrialRecordReader}
 * and {@link dev.gauntlet.records.StepRecordReader} read them back, older schema versions included. None needs
 * Hadoop at run time, and the files are plain Parquet that DuckDB, Polars or pandas read directly.
 */
package dev.gauntlet.records;
