package dev.gauntlet.records;

import dev.gauntlet.records.internal.LocalCodecFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes Parquet files that no Gauntlet writer would, to test how readers refuse them. */
final class ForeignFiles {

  private ForeignFiles() {}

  /** Writes a one-column, one-row part file in {@code dir} with the given key-value metadata. */
  static Path write(Path dir, Map<String, String> metadata) throws IOException {
    Path file = dir.resolve("part-00000-0000abcd.parquet");
    MessageType schema = MessageTypeParser.parseMessageType("message m { required int32 x; }");
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new LocalCodecFactory())
        .withType(schema)
        .withExtraMetaData(metadata)
        .build()) {
      writer.write(new SimpleGroupFactory(schema).newGroup().append("x", 1));
    }
    return file;
  }
}
