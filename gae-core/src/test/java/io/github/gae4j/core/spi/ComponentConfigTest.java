// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ComponentConfigTest {

    private static ComponentConfig gcn(Object... options) {
        return ComponentConfig.of(options).describedAs("encoder 'gcn'");
    }

    @Test
    void typedGetters() {
        ComponentConfig c =
                gcn("hidden", 32, "rate", "0.25", "seed", " 12345678901 ", "on", "Yes", "off", "0", "name", "abc");
        assertThat(c.getInt("hidden", 1)).isEqualTo(32);
        assertThat(c.getPositiveInt("hidden", 1)).isEqualTo(32);
        assertThat(c.getDouble("rate", 1.0)).isEqualTo(0.25);
        assertThat(c.getDouble("rate", 1.0, 0, 1)).isEqualTo(0.25);
        assertThat(c.getLong("seed", 0)).isEqualTo(12345678901L);
        assertThat(c.getBoolean("on", false)).isTrue();
        assertThat(c.getBoolean("off", true)).isFalse();
        assertThat(c.getString("name")).contains("abc");
        assertThat(c.getString("name", "x")).isEqualTo("abc");
        assertThat(c.has("hidden")).isTrue();
        assertThat(c.has("latent")).isFalse();
        assertThat(c.asMap()).containsEntry("hidden", "32");
    }

    @Test
    void defaultsForMissingOptions() {
        ComponentConfig c = ComponentConfig.empty();
        assertThat(c.getInt("hidden", 32)).isEqualTo(32);
        assertThat(c.getPositiveInt("hidden", 16)).isEqualTo(16);
        assertThat(c.getLong("seed", 7L)).isEqualTo(7L);
        assertThat(c.getDouble("rate", 0.5)).isEqualTo(0.5);
        assertThat(c.getDouble("rate", 0.5, 0, 1)).isEqualTo(0.5);
        assertThat(c.getBoolean("on", true)).isTrue();
        assertThat(c.getString("name")).isEmpty();
        assertThat(c.getString("name", "x")).isEqualTo("x");
    }

    @Test
    void badValuesNameOptionAndComponent() {
        ComponentConfig c = gcn(
                "hidden", "lots", "latent", 0, "rate", "fast", "dropout", "1.5", "bias", "maybe", "seed", "1e3",
                "scale", "NaN");
        assertThatThrownBy(() -> c.getInt("hidden", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'hidden' of encoder 'gcn' must be an integer, got 'lots'");
        assertThatThrownBy(() -> c.getPositiveInt("latent", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'latent' of encoder 'gcn' must be a positive integer, got '0'");
        assertThatThrownBy(() -> c.getDouble("rate", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'rate' of encoder 'gcn' must be a number, got 'fast'");
        assertThatThrownBy(() -> c.getDouble("dropout", 0, 0, 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'dropout' of encoder 'gcn' must be a number in [0.0, 1.0], got '1.5'");
        assertThatThrownBy(() -> c.getBoolean("bias", true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'bias' of encoder 'gcn' must be true or false, got 'maybe'");
        assertThatThrownBy(() -> c.getLong("seed", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'seed' of encoder 'gcn' must be an integer, got '1e3'");
        assertThatThrownBy(() -> c.getDouble("scale", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'scale' of encoder 'gcn' must be a finite number, got 'NaN'");
    }

    @Test
    void requireOnlyListsKnownOptions() {
        ComponentConfig c = gcn("hidden", 32, "latnet", 16);
        c.requireOnly(Set.of("hidden", "latnet"));
        assertThatThrownBy(() -> c.requireOnly(Set.of("latent", "hidden", "dropout")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Unknown option 'latnet' for encoder 'gcn'; known options: [dropout, hidden, latent]");
        assertThatThrownBy(() -> c.requireOnly(Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("known options: []");
    }

    @Test
    void aReadListenerHearsEveryKeyAskedForSetOrNotAndSurvivesDescribedAs() {
        List<String> read = new ArrayList<>();
        ComponentConfig c = ComponentConfig.of("hidden", "8,4", "rate", 0.5)
                .withReadListener(read::add)
                .describedAs("encoder 'gcn'");
        c.getWidths("hidden", "32", "none");
        c.getDouble("rate", 0, 0, 1);
        c.getBoolean("train_eps", false);
        c.has("bias");
        c.getString("name");
        c.getDropoutRate("dropout");
        c.getLong("seed", 1);
        assertThat(read).containsExactly("hidden", "rate", "train_eps", "bias", "name", "dropout", "seed");
        assertThat(c)
                .as("the listener is not part of the options")
                .isEqualTo(ComponentConfig.of("hidden", "8,4", "rate", 0.5));
        assertThatThrownBy(() -> c.getInt("rate", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encoder 'gcn'");
    }

    @Test
    void constructionFromPairsAndMaps() {
        assertThat(ComponentConfig.of("a", 1, "b", true)).isEqualTo(ComponentConfig.of(Map.of("a", "1", "b", "true")));
        assertThat(ComponentConfig.of("a", 1).describedAs("x")).isEqualTo(ComponentConfig.of("a", 1));
        assertThat(ComponentConfig.of()).isEqualTo(ComponentConfig.empty());
        assertThatThrownBy(() -> ComponentConfig.of("a", 1, "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd number");
        assertThatThrownBy(() -> ComponentConfig.of("a", 1).asMap().put("b", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void widthListsParseAndFailNamingTheComponent() {
        ComponentConfig c =
                ComponentConfig.of("hidden", " 8, 4 ", "none", "", "bad", "8,0").describedAs("decoder 'mlp'");
        assertThat(c.getWidths("hidden", "64", "a linear score")).containsExactly(8, 4);
        assertThat(c.getWidths("none", "64", "a linear score")).isEmpty();
        assertThat(c.getWidths("absent", "64,32", "a linear score")).containsExactly(64, 32);
        assertThatThrownBy(() -> c.getWidths("bad", "64", "a linear score"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Option 'bad' of decoder 'mlp' must be comma-separated positive integers such as '64' or"
                        + " '64,32' (or empty for a linear score), got '8,0'");
        // A trailing comma is an empty width, as in "64,,32", not a shorthand for "64,32".
        assertThatThrownBy(() -> ComponentConfig.of("hidden", "64,32,").getWidths("hidden", "64", "a linear score"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("got '64,32,'");
    }

    @Test
    void listsAndArraysMeanTheSameAsTheirCommaSeparatedText() {
        int[] expected = {64, 32};
        for (Object hidden : new Object[] {
            "64,32",
            List.of(64, 32),
            new int[] {64, 32},
            new long[] {64L, 32L},
            new Integer[] {64, 32},
            List.of(64L, 32L)
        }) {
            ComponentConfig c = gcn("hidden", hidden);
            assertThat(c.getWidths("hidden", "32", "no hidden layer"))
                    .as(ComponentConfig.text(hidden))
                    .containsExactly(expected);
            assertThat(c).isEqualTo(gcn("hidden", "64,32"));
        }
        assertThat(ComponentConfig.of(Map.of("rates", new double[] {0.5, 0.25})).asMap())
                .containsEntry("rates", "0.5,0.25");
        assertThat(gcn("hidden", List.of()).getWidths("hidden", "32", "no hidden layer"))
                .isEmpty();
    }

    @Test
    void messagesShowArrayValuesNotTheirIdentity() {
        ComponentConfig c = gcn("latent", new int[] {16, 8}, "hidden", new int[] {64, 0});
        assertThatThrownBy(() -> c.getInt("latent", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Option 'latent' of encoder 'gcn' must be an integer, got '16,8'")
                .hasMessageNotContaining("[I@");
        assertThatThrownBy(() -> c.getWidths("hidden", "32", "no hidden layer"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("got '64,0'");
        assertThat(ComponentConfig.text(new Object[] {1, new int[] {2, 3}, Optional.of("x"), null}))
                .isEqualTo("1,2,3,x,null");
        // A Path is Iterable (over its names) but one value: its text is the path.
        assertThat(ComponentConfig.text(java.nio.file.Path.of("/data/cora"))).isEqualTo("/data/cora");
    }
}
