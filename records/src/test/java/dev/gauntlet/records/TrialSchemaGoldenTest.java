package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Seals the on-disk format: a change here must come with a new schema version and a fixture of the old one. */
class TrialSchemaGoldenTest {

  @Test
  void schemaMatchesGoldenFile() throws IOException {
    String golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/trial-schema-v1.txt")) {
      assertThat(in).as("golden file").isNotNull();
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(TrialRecord.SCHEMA_VERSION).isEqualTo(1);
    assertThat(TrialSchema.schema().toString()).isEqualTo(golden);
  }
}
