package org.cxrlstm.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A results CSV read with its header; every accessor failure names the file, the line and the
 * column, so a malformed merge is found at once.
 */
final class CsvTable {
  private final Path file;
  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(Path file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  /** Reads {@code file}, failing if any of {@code required} columns is absent from its header. */
  static CsvTable read(Path file, List<String> required) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      for (String column : required) {
        if (!header.containsKey(column)) {
          throw new ReportInputException(file + ": missing column '" + column + "' (header: "
              + String.join(",", parser.getHeaderNames()) + ")");
        }
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (!record.isConsistent()) {
          throw new ReportInputException(file + ":" + (record.getRecordNumber() + 1) + ": " + record.size()
              + " fields, header has " + header.size());
        }
        rows.add(new Row(file, record));
      }
      return new CsvTable(file, List.copyOf(parser.getHeaderNames()), rows);
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new ReportInputException(file + ": cannot read CSV: " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  List<Row> rows() {
    return rows;
  }

  List<String> header() {
    return header;
  }

  /** One record; line numbers count the header as line 1. */
  static final class Row {
    private final Path file;
    private final CSVRecord record;

    Row(Path file, CSVRecord record) {
      this.file = file;
      this.record = record;
    }

    long line() {
      return record.getRecordNumber() + 1;
    }

    boolean has(String column) {
      return record.isMapped(column);
    }

    String get(String column) {
      if (!record.isMapped(column)) {
        throw fail(column, null, "is missing");
      }
      return record.get(column);
    }

    String nonBlank(String column) {
      String v = get(column);
      if (v.isEmpty()) {
        throw fail(column, v, "is blank");
      }
      return v;
    }

    int integer(String column) {
      String v = nonBlank(column);
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw fail(column, v, "is not a whole number");
      }
    }

    /** Blank reads as NaN (a value the trial could not produce). */
    double real(String column) {
      String v = get(column);
      if (v.isEmpty() || v.equalsIgnoreCase("nan")) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw fail(column, v, "is not a number");
      }
    }

    /** A class column: one of {@code classes} by name (or its index). */
    int classIndex(String column, ClassNames classes) {
      String v = nonBlank(column);
      int c = classes.indexOf(v);
      if (c < 0) {
        throw fail(column, v, "is not a known class (allowed: " + String.join(", ", classes.names()) + ")");
      }
      return c;
    }

    ReportInputException fail(String column, String value, String problem) {
      return new ReportInputException(file + ":" + line() + ": column '" + column + "'"
          + (value == null ? "" : " = '" + value + "'") + " " + problem);
    }
  }
}
