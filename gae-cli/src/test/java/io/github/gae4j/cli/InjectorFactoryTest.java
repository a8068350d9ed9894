// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.runtime.inject.GaeInjectors;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every subcommand takes its plugins from the one injector built where the command starts. */
final class InjectorFactoryTest {

    /** The only plugin the injector knows: nothing else on the class path may leak into the commands. */
    private record OnlyPlugin(String name) implements GaePlugin {
        @Override
        public String spiVersion() {
            return GaeSpi.VERSION;
        }

        @Override
        public List<EncoderFactory> encoders() {
            return List.of(new EncoderFactory() {
                @Override
                public String name() {
                    return "only-encoder";
                }

                @Override
                public Encoder create(ComponentConfig config, CreationContext context) {
                    throw new UnsupportedOperationException("listing only");
                }
            });
        }
    }

    private static Cli run(String... args) {
        PluginRegistry registry = PluginRegistry.of(List.of(new OnlyPlugin("only-plugin")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GaeCommand.execute(GaeInjectors.create(registry), args, new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void pluginsListsTheInjectedRegistry() {
        Cli r = run("plugins");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("only-plugin")
                .contains("only-encoder")
                .doesNotContain("gae-encoders")
                .contains("decoders (0):");
    }

    @Test
    void trainAssemblesFromTheInjectedRegistry() {
        Cli r = run("train", "--encoder", "gcn", "--epochs", "1", "--no-report");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown encoder 'gcn'; known encoders: [only-encoder]");
    }
}
