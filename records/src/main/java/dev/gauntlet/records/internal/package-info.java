/**
 * Parquet plumbing behind {@code dev.gauntlet.records}: encoding and decoding rows, compression codecs and
 * part-file naming, all without Hadoop at run time. Not API; may change without notice.
 */
package dev.gauntlet.records.internal;
