/**
 * Parquet plumbing behind {@code dev.gauntlet.records}: encoding and decoding rows, compression codecs, part-file
 * naming and atomic writes, shared by every record kind and all without Hadoop at run time. Not API; may change
 * without notice.
 */
package dev.gauntlet.records.internal;
