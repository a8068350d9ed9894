// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@code local[2]} Spark session for every test class of the JVM (a fresh session costs 3–6 s): kept in the
 * root context's store, so JUnit closes it once when the run ends, with no static field of ours. A test class
 * declares {@code @ExtendWith(SharedSpark.class)} and takes a {@link SparkSession} parameter.
 */
public final class SharedSpark implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSpark.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("session", key -> new Holder(), Holder.class)
                .session;
    }

    /** Stopped by JUnit when the root context closes. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final SparkSession session = SparkSession.builder()
                .master("local[2]")
                .appName("gae-spark tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();

        @Override
        public void close() {
            session.stop();
        }
    }
}
