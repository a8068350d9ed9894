// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.kernel.dispatch.RowKernelDispatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user's JVM without {@code --add-modules jdk.incubator.vector} gets the plain-Java kernels and is told so: one WARN
 * line, however many kernels are chosen, naming the flag. Runs {@link Child} in a JVM of its own (this one has the
 * module, as surefire adds it), on this test's class path, so logback-test.xml prints WARN lines to stderr.
 */
final class MissingVectorModuleWarningTest {

    private static final String FLAG = "--add-modules jdk.incubator.vector";

    /** Chooses the kernels twice, through both entry points, and prints what it got. */
    static final class Child {
        private Child() {}

        public static void main(String[] args) {
            boolean first = VectorSupport.vectorEnabled();
            RowKernels kernels = RowKernelDispatch.best();
            boolean second = VectorSupport.vectorEnabled();
            RowKernelDispatch.best();
            System.out.println("enabled=" + first + "," + second + " kernels=" + kernels.describe());
        }
    }

    private static String runChild(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static long countLinesContaining(String out, String text) {
        return out.lines().filter(l -> l.contains(text)).count();
    }

    @Test
    void withoutTheModuleOneWarningNamesTheFlag() throws Exception {
        String out = runChild();
        assertThat(out).contains("enabled=false,false kernels=plain Java");
        assertThat(countLinesContaining(out, FLAG)).as(out).isEqualTo(1);
        assertThat(out.lines().filter(l -> l.contains(FLAG)).findFirst().orElseThrow())
                .contains("WARN")
                .contains("plain-Java kernels");
    }

    @Test
    void withTheModuleOrWhenAskedForPlainJavaThereIsNoWarning() throws Exception {
        String withModule = runChild("--add-modules", "jdk.incubator.vector");
        assertThat(withModule).contains("enabled=true,true kernels=Vector API");
        assertThat(countLinesContaining(withModule, FLAG)).as(withModule).isZero();

        String scalar = runChild("-D" + VectorSupport.PROPERTY + "=scalar");
        assertThat(scalar).contains("enabled=false,false kernels=plain Java");
        assertThat(countLinesContaining(scalar, FLAG)).as(scalar).isZero();
    }
}
