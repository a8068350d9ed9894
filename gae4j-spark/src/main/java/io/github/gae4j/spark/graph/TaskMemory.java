// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.graph;

import org.apache.spark.SparkContext;

/** The memory one Spark task may count on, for choosing how data is cut or held. */
public final class TaskMemory {

    private TaskMemory() {}

    /**
     * The heap of this JVM shared by the default parallelism in local mode; else {@code spark.executor.memory} over
     * {@code spark.executor.cores}.
     */
    public static long bytesPerTask(SparkContext context) {
        return context.isLocal()
                ? Runtime.getRuntime().maxMemory() / Math.max(1, context.defaultParallelism())
                : (context.getConf().getSizeAsMb("spark.executor.memory", "1g") << 20)
                        / Math.max(1, context.getConf().getInt("spark.executor.cores", 1));
    }
}
