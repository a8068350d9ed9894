// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BudgetTest {

    @Test
    void readsShortFormsAndIso() {
        assertThat(Budget.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Budget.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Budget.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Budget.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void formatsWhatItReads() {
        for (String s : new String[] {"10m", "1h30m", "45s", "2h", "1m5s"}) {
            assertThat(Budget.format(Budget.parse(s))).isEqualTo(s);
        }
    }

    @Test
    void refusesZeroAndNonsense() {
        for (String bad : new String[] {"0", "0s", "ten", "", "10", "-5m", "PT-1M"}) {
            assertThatThrownBy(() -> Budget.parse(bad))
                    .as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("is not a positive duration");
        }
    }
}
