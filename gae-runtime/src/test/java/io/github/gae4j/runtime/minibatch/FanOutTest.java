// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class FanOutTest {

    @Test
    void parsesCommaSeparatedCountsOutermostLast() {
        FanOut fanOut = FanOut.parse("25,10");
        assertThat(fanOut.hops()).isEqualTo(2);
        assertThat(fanOut.at(0)).isEqualTo(25);
        assertThat(fanOut.at(1)).isEqualTo(10);
        assertThat(fanOut.toArray()).containsExactly(25, 10);
        assertThat(fanOut.isExact()).isFalse();
        assertThat(fanOut).hasToString("25,10");
    }

    @Test
    void spacesAroundEntriesAreAllowed() {
        assertThat(FanOut.parse(" 25 , 10 ")).isEqualTo(FanOut.of(25, 10));
    }

    @Test
    void minusOneTakesEveryNeighbour() {
        FanOut all = FanOut.parse("-1");
        assertThat(all.hops()).isEqualTo(1);
        assertThat(all.at(0)).isEqualTo(FanOut.ALL);
        assertThat(all.isExact()).isTrue();
        assertThat(all).isEqualTo(FanOut.all(1));
        assertThat(FanOut.parse("-1,-1")).isEqualTo(FanOut.all(2));
        assertThat(FanOut.parse("-1,5").isExact()).isFalse();
    }

    @Test
    void toStringParsesBack() {
        FanOut fanOut = FanOut.of(15, -1, 3);
        assertThat(FanOut.parse(fanOut.toString())).isEqualTo(fanOut);
        assertThat(FanOut.parse(fanOut.toString()).hashCode()).isEqualTo(fanOut.hashCode());
    }

    @Test
    void toArrayIsACopy() {
        FanOut fanOut = FanOut.of(2, 3);
        fanOut.toArray()[0] = 99;
        assertThat(fanOut.at(0)).isEqualTo(2);
        int[] given = {4, 5};
        FanOut copied = FanOut.of(given);
        given[0] = 99;
        assertThat(copied.at(0)).isEqualTo(4);
    }

    @Test
    void emptyTextIsRefused() {
        for (String text : new String[] {"", "   ", null}) {
            assertThatThrownBy(() -> FanOut.parse(text))
                    .as("fan-out %s", text)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("fan-out is empty")
                    .hasMessageContaining("25,10");
        }
    }

    @ParameterizedTest(name = "''{0}'' names entry {1} (''{2}'')")
    @CsvSource(
            delimiter = '|',
            value = {"a,b|1|a", "25,,10|2|''", "25,x|2|x", "1.5|1|1.5", "25,10,|3|''"})
    void aNonNumberIsRefusedNamingTheEntry(String text, int entry, String part) {
        assertThatThrownBy(() -> FanOut.parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Fan-out '" + text + "'")
                .hasMessageContaining("entry " + entry + " ('" + part + "')")
                .hasMessageContaining("not a whole number");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {"0|1|0", "-2|1|-2", "25,0|2|0", "10,-5|2|-5"})
    void zeroAndNegativesOtherThanMinusOneAreRefused(String text, int entry, int value) {
        assertThatThrownBy(() -> FanOut.parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Fan-out '" + text + "'")
                .hasMessageContaining("entry " + entry + " is " + value)
                .hasMessageContaining("-1 for all");
    }

    @Test
    void ofRefusesBadEntriesWithAnIllegalArgument() {
        assertThatThrownBy(() -> FanOut.of(3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2 is 0");
    }
}
