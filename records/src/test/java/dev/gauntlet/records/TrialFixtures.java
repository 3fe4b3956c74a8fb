package dev.gauntlet.records;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The committed trial-record files of older schema versions, in {@code fixtures/}. */
final class TrialFixtures {

  private TrialFixtures() {}

  /** The fixture file {@code name}, e.g. {@code trials-v1.parquet}. */
  static Path path(String name) throws URISyntaxException {
    return Path.of(TrialFixtures.class.getResource("/fixtures/" + name).toURI());
  }

  /**
   * The schema version {@code file} states in its key-value metadata, read by DuckDB rather than by our reader so
   * that a fixture cannot pass for a version it is not; {@code null} if it states none.
   */
  static String statedVersion(Path file) throws SQLException {
    String sql = "SELECT decode(value) FROM parquet_kv_metadata('" + file.toAbsolutePath()
        + "') WHERE decode(key) = '" + TrialSchema.VERSION_KEY + "'";
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
