// SPDX-License-Identifier: Apache-2.0
package org.apache.parquet;

import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * {@link ParquetReadOptions} that load no Hadoop class, for gae-datasets' tables loader.
 *
 * <p>Why this class lives in parquet-java's package: {@code ParquetReadOptions.Builder} (every version up to 1.18)
 * calls {@code ParquetInputFormat.getFilter}, and {@code ParquetInputFormat} extends Hadoop's
 * {@code FileInputFormat}, so building options the ordinary way needs hadoop-common and hadoop-mapreduce on the class
 * path (tens of MB) just to read a local file. The constructor that takes a Hadoop-free
 * {@link PlainParquetConfiguration} is package-private. The values are the builder's defaults; the codec factory is
 * supplied by the caller (parquet-java's default one creates Hadoop codecs).
 */
public final class HadoopFreeReadOptions {

    private static final int MAX_ALLOCATION = 8 << 20; // the builder's default, 8 MB

    private HadoopFreeReadOptions() {}

    /** The default read options with this codec factory and a plain (Hadoop-free) configuration. */
    public static ParquetReadOptions of(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(
                false, // useSignedStringMinMax
                true, // useStatsFilter
                true, // useDictionaryFilter
                true, // useRecordFilter
                true, // useColumnIndexFilter
                false, // usePageChecksumVerification
                true, // useBloomFilter
                false, // useOffHeapDecryptBuffer
                false, // useHadoopVectoredIo
                FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                MAX_ALLOCATION,
                Map.of(),
                null, // no decryption
                null, // no metrics callback
                new PlainParquetConfiguration());
    }
}
