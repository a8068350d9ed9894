// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.bench;

import io.github.gae4j.spark.graph.NodeBlocks;
import org.apache.spark.sql.api.java.UDF1;

/**
 * A node's feature row of {@link SparkSbm}: its community's prototype (N(0, I)) plus {@code noise} · N(0, I), rounded
 * to float precision. A pure function of (seed, id): every value is a Box–Muller draw from a SplitMix64 hash of
 * (stream seed, community or node, column), so the row does not depend on the partition it is computed in. Plain
 * Java (a Spark higher-order-function expression was ten times slower: those are interpreted, not compiled).
 */
final class SbmFeatures implements UDF1<Long, double[]> {

    private static final long serialVersionUID = 1L;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_TO_MINUS_32 = 0x1p-32;

    private final long nodes;
    private final int communities;
    private final int width;
    private final double noise;
    private final long prototypeSeed;
    private final long noiseSeed;

    /** The last community's prototype: rows come in id order, so communities arrive in runs. */
    private transient volatile Prototype last;

    private record Prototype(long community, double[] values) {}

    SbmFeatures(long nodes, int communities, int width, double noise, long prototypeSeed, long noiseSeed) {
        this.nodes = nodes;
        this.communities = communities;
        this.width = width;
        this.noise = noise;
        this.prototypeSeed = prototypeSeed;
        this.noiseSeed = noiseSeed;
    }

    @Override
    public double[] call(Long id) {
        double[] prototype = prototype(SparkSbm.communityOf(id, nodes, communities));
        long base = NodeBlocks.mix(noiseSeed ^ NodeBlocks.mix(id));
        double[] row = new double[width];
        for (int j = 0; j < width; j++) {
            row[j] = (float) (prototype[j] + noise * gaussian(base, j));
        }
        return row;
    }

    private double[] prototype(long community) {
        Prototype p = last;
        if (p == null || p.community() != community) {
            long base = NodeBlocks.mix(prototypeSeed ^ NodeBlocks.mix(community));
            double[] values = new double[width];
            for (int j = 0; j < width; j++) {
                values[j] = gaussian(base, j);
            }
            p = new Prototype(community, values);
            last = p;
        }
        return p.values();
    }

    /** Standard normal by Box–Muller from the two 32-bit halves of the hash of (base, column). */
    private static double gaussian(long base, int column) {
        long h = NodeBlocks.mix(base + (column + 1L) * GOLDEN);
        double u1 = ((h >>> 32) + 0.5) * TWO_TO_MINUS_32;
        double u2 = ((h & 0xffffffffL) + 0.5) * TWO_TO_MINUS_32;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
