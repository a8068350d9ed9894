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
# The module opens spark-submit adds itself (Spark's JavaModuleOptions), kept in one place: gae-spark/pom.xml's
# spark.jvm.opens, which the tests use too. The Vector API module turns on gae4j's fast kernels.
OPENS=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$DIR/gae-spark/pom.xml")
# shellcheck disable=SC2086 # OPENS is a list of flags
exec java ${GAE_JAVA_OPTS:-} --add-modules jdk.incubator.vector $OPENS \
  -Dspark.master="${GAE_SPARK_MASTER:-local[*]}" \
  -Dspark.ui.enabled=false \
  -Dlog4j2.configurationFile="$DIR/gae-spark/src/launcher/log4j2.properties" \
  -cp "$JAR:$(cat "$SPARK_CP")" io.github.gae4j.spark.cli.GaeSparkCommand "$@"
