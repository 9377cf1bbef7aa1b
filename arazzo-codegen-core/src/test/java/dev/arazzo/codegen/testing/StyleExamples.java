package dev.arazzo.codegen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The style-examples table of the OpenAPI specification (the {@code color} examples), read from the
 * specification's text in {@code ../shared/spec}, cell by cell.
 */
public final class StyleExamples {

    /** The value columns, in the table's order: the empty string, "blue", the array, the object. */
    public static final List<String> COLUMNS = List.of("empty", "string", "array", "object");

    /**
     * One cell: the style and explode of its row, its column, and the serialization the table shows
     * ({@code n/a} where the table says the combination is undefined).
     */
    public record Cell(String version, String style, boolean explode, String column, String expected) {

        public boolean defined() {
            return !expected.equals("n/a");
        }

        /** A name usable in ids and paths: {@code matrix-true-array}. */
        public String id() {
            return style + "-" + explode + "-" + column;
        }

        @Override
        public String toString() {
            return version + " " + style + " explode=" + explode + " " + column + " -> " + expected;
        }
    }

    private StyleExamples() {
    }

    /** Every cell of the table in the OpenAPI text of {@code version} ("3.0.4", "3.1.1"). */
    public static List<Cell> cells(String version) {
        Path spec = Shared.root().resolve("spec/openapi-" + version + ".md");
        List<String> lines;
        try {
            lines = Files.readAllLines(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int header = lines.indexOf("| [`style`](#style-values) | `explode` | `undefined` | `string` | `array` | `object` |");
        if (header < 0) {
            throw new IllegalStateException("no style-examples table in " + spec);
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] raw = lines.get(i).split("\\|");
            List<String> row = new ArrayList<>();
            for (int c = 1; c < raw.length; c++) {
                String cell = raw[c].replaceAll("<span[^>]*>", "").replace("</span>", "").trim();
                row.add(cell.equals("_n/a_") ? "n/a" : cell.equals("_empty_") ? "" : cell);
            }
            for (int column = 0; column < COLUMNS.size(); column++) {
                cells.add(new Cell(version, row.get(0), Boolean.parseBoolean(row.get(1)), COLUMNS.get(column),
                        row.get(2 + column)));
            }
        }
        if (cells.size() != 14 * COLUMNS.size()) {
            throw new IllegalStateException("the style-examples table of " + spec + " has " + cells.size() / 4
                    + " rows, not 14");
        }
        return cells;
    }
}
