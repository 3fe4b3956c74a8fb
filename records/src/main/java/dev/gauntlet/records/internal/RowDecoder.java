package dev.gauntlet.records.internal;

import org.apache.parquet.example.data.Group;

/** Turns one row of a record file back into a record. */
@FunctionalInterface
interface RowDecoder<T> {

  /**
   * Decodes {@code row}, read from a file of schema {@code version}.
   *
   * @throws RuntimeException if the row does not make a valid record
   */
  T decode(Group row, int version);
}
