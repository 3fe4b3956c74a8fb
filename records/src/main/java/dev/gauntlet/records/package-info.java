/**
 * Trial records: one immutable {@link dev.gauntlet.records.TrialRecord} per trial, and their on-disk format.
 *
 * <p>A run directory holds Parquet part files ({@code part-00000-1a2b3c4d.parquet}, ...) with the schema of
 * {@link dev.gauntlet.records.TrialSchema}. {@link dev.gauntlet.records.TrialRecordWriter} adds a part atomically;
 * {@link dev.gauntlet.records.TrialRecordReader} reads them back. Neither needs Hadoop at run time, and the files
 * are plain Parquet that DuckDB, Polars or pandas read directly.
 */
package dev.gauntlet.records;
