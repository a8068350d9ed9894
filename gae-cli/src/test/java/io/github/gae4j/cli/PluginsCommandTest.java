// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.spi.Parameter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PluginsCommandTest {

    @Test
    void listsEveryOptionWithItsDefaultAndHelp() {
        Cli r = Cli.run("plugins");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out)
                .containsPattern("(?m)^  gcn +\\[gae-encoders\\] +options:$")
                .containsPattern("(?m)^ {27}latent=16 +width of the embeddings Z$")
                .containsPattern("(?m)^ {27}hidden=32 +hidden layer widths")
                .containsPattern("(?m)^ {27}norm=none +normalisation of the hidden layers: none, batch or layer$")
                .containsPattern("(?m)^ {27}max-log-std=10 +upper clamp of log σ$")
                .containsPattern("(?m)^  inner-product +\\[gae-decoders\\] +no options$")
                .containsPattern("(?m)^  gaussian +\\[gae-encoders\\] +no options$")
                .containsPattern("(?m)^ {27}beta +weight of the KL term")
                .containsPattern("(?m)^ {27}ratio=1 +non-edges drawn per training edge$")
                .containsPattern("(?m)^ {27}hidden=64,32 +discriminator hidden widths")
                .containsPattern("(?m)^ {27}path +required: ")
                .containsPattern("(?m)^ {27}p-out=0.0005 +edge probability between communities$")
                .containsPattern("(?m)^ {27}comment=# +prefix of comment lines")
                .containsPattern("(?m)^  adamw +\\[gae-optimizers\\] +options:$")
                .containsPattern("(?m)^ {27}weight-decay=0.01 +decoupled decay")
                .containsPattern("(?m)^ {27}epsilon=0.00000001 +added to the denominator")
                .containsPattern("(?m)^ {27}nesterov=false +Nesterov momentum");
        assertThat(out).doesNotContain("options: bias").doesNotContain("=  ");
    }

    @Test
    void alignsOptionsAndPutsTheHelpOfLongOnesOnTheNextLine() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        PluginsCommand.printOptions(
                out,
                List.of(
                        Parameter.of("latent", 16, "width"),
                        Parameter.withoutDefault("path", "required: the file"),
                        Parameter.of("bare", "", ""),
                        Parameter.of("a-very-long-option-name", "and-a-long-default", "its help")));
        out.flush();
        String pad = " ".repeat(27);
        assertThat(text.toString().lines().toList())
                .containsExactly(
                        pad + "latent=16  width",
                        pad + "path       required: the file",
                        pad + "bare",
                        pad + "a-very-long-option-name=and-a-long-default",
                        pad + " ".repeat(9) + "  its help");
    }

    @Test
    void optionTextIsNameEqualsDefaultOrJustTheName() {
        assertThat(PluginsCommand.option(Parameter.of("latent", 16, ""))).isEqualTo("latent=16");
        assertThat(PluginsCommand.option(Parameter.withoutDefault("path", ""))).isEqualTo("path");
    }
}
