// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.tune;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code --budget}: {@code 90s}, {@code 10m}, {@code 1h30m} or an ISO-8601 duration ({@code PT10M}). */
public final class Budget implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PARTS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /**
     * Parses a budget: {@code 90s}, {@code 10m}, {@code 1h30m} or an ISO-8601 duration such as {@code PT10M}.
     *
     * @throws CommandLine.TypeConversionException naming the accepted forms
     */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d = null;
        Matcher m = PARTS.matcher(t);
        if (!t.isEmpty() && m.matches()) {
            d = Duration.ZERO;
            d = m.group(1) == null ? d : d.plusHours(Long.parseLong(m.group(1)));
            d = m.group(2) == null ? d : d.plusMinutes(Long.parseLong(m.group(2)));
            d = m.group(3) == null ? d : d.plusSeconds(Long.parseLong(m.group(3)));
        } else if (t.startsWith("pt")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a positive duration; write e.g. 90s," + " 10m or 1h30m");
        }
        return d;
    }

    /** {@code 10m}, {@code 1h30m}, {@code 45s}: the short form {@link #parse} reads. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            b.append(s % 3600 / 60).append('m');
        }
        if (s % 60 != 0 || b.length() == 0) {
            b.append(s % 60).append('s');
        }
        return b.toString();
    }
}
