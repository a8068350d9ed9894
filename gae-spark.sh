#!/usr/bin/env sh
# The gae-spark command on this machine, in Spark's local mode, without a Spark installation: runs
# gae-spark/target/gae-spark.jar with the Spark jars the build compiled against (from the local Maven repository,
# listed by `mvn package` in gae-spark/target/spark-classpath.txt). (Named .sh: gae-spark/ is the module's folder.)
# On a cluster use spark-submit instead:
#   spark-submit --class io.github.gae4j.spark.cli.GaeSparkCommand gae-spark/target/gae-spark.jar train ...
#   GAE_JAVA_OPTS       extra JVM options, e.g. GAE_JAVA_OPTS=-Xmx8g ./gae-spark.sh train ...
#   GAE_SPARK_MASTER    the master (default local[*]); --master URL on the command line wins
DIR=$(cd "$(dirname "$0")" && pwd)
TARGET="$DIR/gae-spark/target"
JAR="$TARGET/gae-spark.jar"
SPARK_CP="$TARGET/spark-classpath.txt"
if [ ! -f "$JAR" ] || [ ! -f "$SPARK_CP" ]; then
  echo "gae-spark: $JAR or $SPARK_CP not found; build them first with: ./mvnw -q -DskipTests package" >&2
  exit 1
fi
# The Vector API turns on gae4j's fast kernels; the --add-opens are what Spark 3.5 needs on Java 17 (harmless on 4.x).
exec java ${GAE_JAVA_OPTS:-} --add-modules jdk.incubator.vector \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Dspark.master="${GAE_SPARK_MASTER:-local[*]}" \
  -Dspark.ui.enabled=false \
  -Dlog4j2.configurationFile="$DIR/gae-spark/src/launcher/log4j2.properties" \
  -cp "$JAR:$(cat "$SPARK_CP")" io.github.gae4j.spark.cli.GaeSparkCommand "$@"
