// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SharedSparkTest {

    @Test
    void theSessionRunsLocallyOnTwoCores(SparkSession spark) {
        assertThat(spark.sparkContext().master()).isEqualTo("local[2]");
        long sum = spark.createDataset(List.of(1L, 2L, 3L), org.apache.spark.sql.Encoders.LONG())
                .javaRDD()
                .reduce(Long::sum);
        assertThat(sum).isEqualTo(6L);
    }
}
