package dev.gauntlet.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Seals the on-disk formats: a change here must come with a new schema version, a new golden file and a fixture of
 * the old version. Golden files of older versions stay, next to their fixtures in {@code fixtures/}.
 */
class SchemaGoldenTest {

  @Test
  void trialSchemaMatchesGoldenFile() throws IOException {
    assertThat(TrialRecord.SCHEMA_VERSION).isEqualTo(4);
    assertThat(TrialSchema.schema().toString()).isEqualTo(golden("trial-schema-v4.txt"));
  }

  @Test
  void trialSchemaV4OnlyAppendsSandboxHostToV3() throws IOException {
    String v3 = golden("trial-schema-v3.txt");
    String v4 = golden("trial-schema-v4.txt");
    String v3Body = v3.substring(0, v3.lastIndexOf('}'));
    assertThat(v4).startsWith(v3Body);
    assertThat(v4.substring(v3Body.length())).isEqualTo("""
          optional binary sandbox_host (STRING);
        }
        """);
  }

  @Test
  void trialSchemaV3OnlyAppendsScoringAndTaskColumnsToV2() throws IOException {
    String v2 = golden("trial-schema-v2.txt");
    String v3 = golden("trial-schema-v3.txt");
    String v2Body = v2.substring(0, v2.lastIndexOf('}'));
    assertThat(v3).startsWith(v2Body);
    assertThat(v3.substring(v2Body.length())).isEqualTo("""
          optional binary scorer (STRING);
          optional binary score_explanation (STRING);
          required group metadata (MAP) {
            repeated group key_value {
              required binary key (STRING);
              required binary value (STRING);
            }
          }
          optional binary dataset_fingerprint (STRING);
        }
        """);
  }

  @Test
  void trialSchemaV2OnlyAppendsUsageColumnsToV1() throws IOException {
    String v1 = golden("trial-schema-v1.txt");
    String v2 = golden("trial-schema-v2.txt");
    String v1Body = v1.substring(0, v1.lastIndexOf('}'));
    assertThat(v2).startsWith(v1Body);
    assertThat(v2.substring(v1Body.length())).isEqualTo("""
          required int32 steps;
          required int64 input_tokens;
          required int64 cached_input_tokens;
          required int64 output_tokens;
          optional double cost_usd;
          optional binary limit_hit (STRING);
          required int32 model_retries;
          required int32 retries;
        }
        """);
  }

  @Test
  void stepSchemaMatchesGoldenFile() throws IOException {
    assertThat(StepRecord.SCHEMA_VERSION).isEqualTo(2);
    assertThat(StepSchema.schema().toString()).isEqualTo(golden("step-schema-v2.txt"));
  }

  private String golden(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
