// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Where a command's Spark session comes from. The command line opens its own and stops it when the command ends;
 * tests lend the one session of their JVM and keep it.
 */
interface Sessions {

    /** The session for {@code command}; {@code master} overrides spark-submit's when not null. */
    SparkSession open(String command, String master);

    /** Called once the command is done with {@code session}. */
    void release(SparkSession session);

    /**
     * Sessions the command owns: {@code master} if given, else spark-submit's ({@code spark.master}), else
     * {@code local[*]} (run without spark-submit, e.g. by {@code java -cp}); stopped after the command.
     */
    static Sessions owned() {
        return new Sessions() {
            @Override
            public SparkSession open(String command, String master) {
                SparkSession.Builder builder = SparkSession.builder().appName("gae-spark " + command);
                if (master != null) {
                    builder.master(master);
                } else if (!new SparkConf().contains("spark.master")) {
                    builder.master("local[*]");
                }
                return builder.getOrCreate();
            }

            @Override
            public void release(SparkSession session) {
                session.stop();
            }
        };
    }

    /** A session that someone else owns and stops (the tests' shared one); {@code master} must not differ. */
    static Sessions lent(SparkSession session) {
        return new Sessions() {
            @Override
            public SparkSession open(String command, String master) {
                return session;
            }

            @Override
            public void release(SparkSession s) {
                // the owner stops it
            }
        };
    }
}
