// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.DatasetFormatException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a feature table holds its vectors, chosen as gae-spark's {@code GraphReader} does: a column {@code features},
 * else sparse {@code indices}/{@code values}/{@code size}, else {@code f0..fk}. Reads one row's vector, or notes
 * its problem and gives null.
 */
sealed interface FeatureForm {

    /** The id column's index. */
    int id();

    /** The columns that hold the values, for messages. */
    String valueColumns();

    /** The current row's vector, or null after noting a problem in {@code checks}. */
    double[] vector(TableRows table, Checks checks);

    /** The row problems of a feature table, in the order GraphReader checks them. */
    final class Checks {
        final Problems problems;
        final Problems.Kind nullId;
        final Problems.Kind badId;
        final Problems.Kind nullFeatures;
        final Problems.Kind sparseNull;
        final Problems.Kind sparseLength;
        final Problems.Kind sparseRange;
        final Problems.Kind sparseRepeat;
        final Problems.Kind sparseSize;
        final Problems.Kind badValue;

        Checks(Problems problems) {
            this.problems = problems;
            nullId = problems.kind("have a null id");
            badId = problems.kind("are not integer ids; node ids must be whole numbers (long)");
            nullFeatures = problems.kind("have no features (null)");
            sparseNull = problems.kind("have a null or unreadable indices, values or size");
            sparseLength = problems.kind("have indices and values of different lengths");
            sparseRange = problems.kind("have an index outside [0, size)");
            sparseRepeat = problems.kind("repeat an index");
            sparseSize = problems.kind("have a size below 1");
            badValue = problems.kind("have a missing or non-numeric feature value (NaN and infinities included)");
        }
    }

    /** The form of {@code table}'s columns, checking their presence and types. */
    static FeatureForm of(TableRows table) {
        TablesLoader.requireColumns(table, TablesLoader.ID);
        int id = TablesLoader.integerColumn(table, TablesLoader.ID);
        List<String> columns = table.columns();
        int features = columns.indexOf(TablesLoader.FEATURES);
        if (features >= 0) {
            ColumnType type = table.type(features);
            if (!type.isArrayOfNumbersOrText() && type.kind() != ColumnType.Kind.TEXT) {
                throw TablesLoader.typeError(
                        table,
                        features,
                        "expected an array of numbers or text of numbers separated by spaces or semicolons"
                                + " (convert a Spark ML vector with vector_to_array)");
            }
            return new Dense(id, features);
        }
        if (columns.contains(TablesLoader.INDICES) || columns.contains(TablesLoader.VALUES)) {
            TablesLoader.requireColumns(table, TablesLoader.INDICES, TablesLoader.VALUES, TablesLoader.SIZE);
            int indices = columns.indexOf(TablesLoader.INDICES);
            int values = columns.indexOf(TablesLoader.VALUES);
            for (int k : new int[] {indices, values}) {
                ColumnType type = table.type(k);
                if (!type.isArrayOfNumbersOrText() && type.kind() != ColumnType.Kind.TEXT) {
                    throw TablesLoader.typeError(table, k, "expected an array of numbers (or numbers in text)");
                }
            }
            return new Sparse(id, indices, values, TablesLoader.integerColumn(table, TablesLoader.SIZE));
        }
        int[] numbered = TablesLoader.featureColumns(table);
        if (numbered == null) {
            throw new DatasetFormatException(
                    table.file(),
                    0,
                    "has no feature columns: expected 'features' (array of numbers, or numbers separated by spaces"
                            + " or semicolons), or 'indices' + 'values' + 'size', or 'f0'..'fk'; present: "
                            + columns);
        }
        for (int k : numbered) {
            TablesLoader.numberColumn(table, k);
        }
        return new Numbered(id, numbered, columns.get(numbered[0]) + ".." + columns.get(numbered[numbered.length - 1]));
    }

    /** A column {@code features}: an array, or text of numbers. */
    record Dense(int id, int column) implements FeatureForm {

        @Override
        public String valueColumns() {
            return TablesLoader.FEATURES;
        }

        @Override
        public double[] vector(TableRows table, Checks checks) {
            Object raw = table.get(column);
            if (raw == null) {
                checks.problems.note(checks.nullFeatures, table, TablesLoader.FEATURES, null);
                return null;
            }
            List<?> elements = Values.elements(raw);
            double[] x = new double[elements.size()];
            for (int j = 0; j < x.length; j++) {
                Double v = Values.finite(elements.get(j));
                if (v == null) {
                    checks.problems.note(
                            checks.badValue,
                            table,
                            TablesLoader.FEATURES,
                            String.format(Locale.ROOT, "value %d is '%s'", j, elements.get(j)));
                    return null;
                }
                x[j] = v;
            }
            return x;
        }
    }

    /** Columns {@code indices}, {@code values} and {@code size}, densified. */
    record Sparse(int id, int indices, int values, int size) implements FeatureForm {

        @Override
        public String valueColumns() {
            return "indices, values, size";
        }

        @Override
        public double[] vector(TableRows table, Checks checks) {
            List<?> at = Values.elements(table.get(indices));
            List<?> vs = Values.elements(table.get(values));
            Object rawSize = table.get(size);
            Long width = rawSize == null ? null : Values.integer(rawSize);
            String columns = valueColumns();
            if (at == null || vs == null || width == null || width > Integer.MAX_VALUE) {
                checks.problems.note(checks.sparseNull, table, columns, null);
                return null;
            }
            if (at.size() != vs.size()) {
                checks.problems.note(
                        checks.sparseLength,
                        table,
                        columns,
                        String.format(Locale.ROOT, "%d indices, %d values", at.size(), vs.size()));
                return null;
            }
            Set<Long> seen = new HashSet<>();
            for (Object i : at) {
                Long index = Values.integer(i instanceof Double d && d != Math.floor(d) ? null : i);
                if (index == null || index < 0 || index >= width) {
                    checks.problems.note(
                            checks.sparseRange, table, columns, String.format(Locale.ROOT, "index '%s'", i));
                    return null;
                }
                if (!seen.add(index)) {
                    checks.problems.note(
                            checks.sparseRepeat, table, columns, String.format(Locale.ROOT, "index %d", index));
                    return null;
                }
            }
            if (width < 1) {
                checks.problems.note(checks.sparseSize, table, columns, "size " + width);
                return null;
            }
            double[] x = new double[(int) (long) width];
            for (int k = 0; k < at.size(); k++) {
                Double v = Values.finite(vs.get(k));
                if (v == null) {
                    checks.problems.note(
                            checks.badValue,
                            table,
                            TablesLoader.VALUES,
                            String.format(Locale.ROOT, "value %d is '%s'", k, vs.get(k)));
                    return null;
                }
                x[(int) (long) Values.integer(at.get(k))] = v;
            }
            return x;
        }
    }

    /** Columns {@code f0..fk}. */
    record Numbered(int id, int[] columns, String valueColumns) implements FeatureForm {

        @Override
        public double[] vector(TableRows table, Checks checks) {
            double[] x = new double[columns.length];
            for (int j = 0; j < x.length; j++) {
                Object raw = table.get(columns[j]);
                Double v = raw == null ? null : Values.finite(raw);
                if (v == null) {
                    checks.problems.note(
                            checks.badValue,
                            table,
                            table.columns().get(columns[j]),
                            raw == null ? "null" : "'" + raw + "'");
                    return null;
                }
                x[j] = v;
            }
            return x;
        }
    }
}
