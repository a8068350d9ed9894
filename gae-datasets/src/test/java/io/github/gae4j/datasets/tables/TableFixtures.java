// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.xerial.snappy.Snappy;

/**
 * Small tables for the tests: CSV text, and snappy Parquet written with parquet-java's example writer in the layout
 * Spark 4 writes (nullable columns, {@code array<double>} as the 3-level LIST). No Hadoop class is loaded: the
 * writer gets a plain configuration and a snappy codec of its own.
 */
final class TableFixtures {

    /** Spark's schema of an edge table with weights. */
    static final String EDGES =
            "message spark_schema { optional int64 src; optional int64 dst; optional double weight; }";

    /** Spark's schema of a node table with an {@code array<double>} column. */
    static final String NODES = "message spark_schema { optional int64 id; optional group features (LIST) {"
            + " repeated group list { optional double element; } } }";

    private TableFixtures() {}

    static Path csv(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a snappy Parquet file with this schema; {@code rows} adds the records. */
    static Path parquet(Path file, String schema, Consumer<Rows> rows) {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                    .withConf(new PlainParquetConfiguration())
                    .withType(type)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withCodecFactory(new SnappyOnly())
                    .build()) {
                rows.accept(new Rows(new SimpleGroupFactory(type), writer));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edges {src, dst, weight} as Spark writes them. */
    static Path edges(Path file, double[][] edges) {
        return parquet(file, EDGES, rows -> {
            for (double[] e : edges) {
                rows.add(g ->
                        g.append("src", (long) e[0]).append("dst", (long) e[1]).append("weight", e[2]));
            }
        });
    }

    /** Nodes {id, features} as Spark writes them: {@code ids[k]} with {@code x[k]}. */
    static Path nodes(Path file, long[] ids, double[][] x) {
        return parquet(file, NODES, rows -> {
            for (int k = 0; k < ids.length; k++) {
                int row = k;
                rows.add(g -> {
                    g.append("id", ids[row]);
                    Group list = g.addGroup("features");
                    for (double v : x[row]) {
                        list.addGroup("list").append("element", v);
                    }
                });
            }
        });
    }

    /** Adds records to a Parquet file. */
    static final class Rows {
        private final SimpleGroupFactory factory;
        private final ParquetWriter<Group> writer;

        Rows(SimpleGroupFactory factory, ParquetWriter<Group> writer) {
            this.factory = factory;
            this.writer = writer;
        }

        void add(Consumer<Group> fill) {
            Group g = factory.newGroup();
            fill.accept(g);
            try {
                writer.write(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Snappy compression without Hadoop (parquet-java's own codec factory creates Hadoop codecs). */
    private static final class SnappyOnly implements CompressionCodecFactory {

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    return BytesInput.from(Snappy.compress(bytes.toByteArray()));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.SNAPPY;
                }

                @Override
                public void release() {}
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            return new PlainCodecs().getDecompressor(codec);
        }

        @Override
        public void release() {}
    }
}
