// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page decompression without Hadoop: parquet-java's own codec factory instantiates Hadoop codecs. Reads the codecs
 * Spark writes by default and on request: snappy (snappy-java), gzip (the JDK) and none; any other codec fails
 * naming it.
 */
final class PlainCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("the tables loader only reads Parquet");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    @Override
    public void release() {
        // nothing pooled
    }

    /** Whether pages compressed with {@code codec} can be read. */
    static boolean supports(CompressionCodecName codec) {
        return codec == CompressionCodecName.UNCOMPRESSED
                || codec == CompressionCodecName.SNAPPY
                || codec == CompressionCodecName.GZIP;
    }

    private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            return BytesInput.from(decompress(bytes.toByteArray(), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(in, decompressedSize));
        }

        private byte[] decompress(byte[] in, int size) throws IOException {
            switch (codec) {
                case UNCOMPRESSED:
                    return in;
                case SNAPPY: {
                    byte[] out = new byte[size];
                    int n = Snappy.uncompress(in, 0, in.length, out, 0);
                    return check(n, size, out);
                }
                case GZIP:
                    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in))) {
                        byte[] out = gzip.readNBytes(size);
                        return check(out.length, size, out);
                    }
                default:
                    throw new IOException(String.format(
                            Locale.ROOT,
                            "pages compressed with %s cannot be read here (snappy, gzip or none can); rewrite the"
                                    + " table with one of those (Spark: option compression=snappy)",
                            codec));
            }
        }

        private static byte[] check(int got, int expected, byte[] out) throws IOException {
            if (got != expected) {
                throw new IOException(String.format(
                        Locale.ROOT, "a page decompressed to %d bytes, its header says %d", got, expected));
            }
            return out;
        }

        @Override
        public void release() {
            // nothing held
        }
    }
}
