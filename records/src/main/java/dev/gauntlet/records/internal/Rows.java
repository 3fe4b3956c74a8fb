package dev.gauntlet.records.internal;

import org.apache.parquet.example.data.Group;

/** Reads optional columns of a row, giving {@code null} where the column is empty. */
final class Rows {

  private Rows() {}

  static String optionalString(Group row, String column) {
    return row.getFieldRepetitionCount(column) == 0 ? null : row.getString(column, 0);
  }

  static Integer optionalInteger(Group row, String column) {
    return row.getFieldRepetitionCount(column) == 0 ? null : row.getInteger(column, 0);
  }

  static Double optionalDouble(Group row, String column) {
    return row.getFieldRepetitionCount(column) == 0 ? null : row.getDouble(column, 0);
  }
}
