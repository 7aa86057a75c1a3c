package org.cxrlstm.results.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV format of the project: RFC 4180 (Commons CSV's {@link CSVFormat#DEFAULT}), fields
 * quoted only where needed, records ended by CRLF, a header line first, UTF-8. Reading accepts LF
 * as well as CRLF line ends, skips blank lines and spaces around unquoted fields.
 *
 * <p>Files are written whole and atomically ({@link #write}, {@link #writeRows}) or row by row,
 * each flushed ({@link #append}). They are read whole ({@link #read}) into a {@link Table} whose
 * accessors fail with a {@link CsvException} naming the file, the line and the column.
 */
public final class Csv {
  private static final CSVFormat WRITE = CSVFormat.DEFAULT;
  private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
      .setIgnoreSurroundingSpaces(true).get();

  private Csv() {}

  /** Where rows go, one record per call. */
  public interface Rows {
    void row(Iterable<?> cells) throws IOException;

    default void row(Object... cells) throws IOException {
      row(Arrays.asList(cells));
    }
  }

  /** What writes the rows of a file. */
  public interface Body {
    void write(Rows rows) throws IOException;
  }

  /** Writes {@code file} atomically: {@code header}, then {@code rows}. */
  public static void write(Path file, List<String> header, Iterable<? extends Iterable<?>> rows) throws IOException {
    writeRows(file, header, out -> {
      for (Iterable<?> row : rows) {
        out.row(row);
      }
    });
  }

  /** Writes {@code file} atomically: {@code header}, then the rows {@code body} gives. */
  public static void writeRows(Path file, List<String> header, Body body) throws IOException {
    AtomicFiles.write(file, w -> {
      try (CSVPrinter csv = commons(w, header)) {
        body.write(csv::printRecord);
      }
    });
  }

  /**
   * {@code header} printed to {@code out} at once, then each row as it comes, flushed; for a
   * console. The caller keeps and closes {@code out}.
   */
  public static Rows printer(Appendable out, List<String> header) throws IOException {
    CSVPrinter csv = commons(out, header);
    csv.flush();
    return cells -> {
      csv.printRecord(cells);
      csv.flush();
    };
  }

  private static CSVPrinter commons(Appendable out, List<String> header) throws IOException {
    return new CSVPrinter(out, WRITE.builder().setHeader(header.toArray(String[]::new)).get());
  }

  /**
   * Creates (or empties) {@code file} with {@code header}, for rows appended one by one, each
   * flushed as written, so the file grows while a run goes on. Not atomic: a reader may see the
   * rows written so far.
   */
  public static Appender append(Path file, List<String> header) throws IOException {
    return new Appender(file, header);
  }

  /** Rows appended and flushed one at a time; every failure names the file. */
  public static final class Appender implements Closeable, Rows {
    private final Path file;
    private final CSVPrinter csv;

    private Appender(Path file, List<String> header) throws IOException {
      this.file = file;
      try {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
          this.csv = commons(w, header);
          csv.flush();
        } catch (IOException | RuntimeException e) {
          w.close();
          throw e;
        }
      } catch (IOException e) {
        throw AtomicFiles.naming(file, e);
      }
    }

    @Override
    public void row(Iterable<?> cells) throws IOException {
      try {
        csv.printRecord(cells);
        csv.flush();
      } catch (IOException e) {
        throw AtomicFiles.naming(file, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        csv.close();
      } catch (IOException e) {
        throw AtomicFiles.naming(file, e);
      }
    }
  }

  /** Reads {@code file} whole; see {@link #read(Path, List)}. */
  public static Table read(Path file) throws IOException {
    return read(file, List.of());
  }

  /**
   * Reads {@code file} whole, header and rows.
   *
   * @throws IOException when the file cannot be read (it is missing, say)
   * @throws CsvException when it is not valid CSV, lacks one of the {@code required} columns, or
   *     a row has more or fewer fields than the header
   */
  public static Table read(Path file, List<String> required) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), required);
  }

  /**
   * Reads {@code in} (UTF-8) whole, as {@link #read(Path, List)} a file; {@code source} names it
   * in messages (a class path resource, say).
   */
  public static Table read(String source, InputStream in, List<String> required) throws IOException {
    return parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8), required);
  }

  private static Table parse(String file, String text, List<String> required) {
    Lines lines = new Lines(text);
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(READ).get()) {
      List<String> header = List.copyOf(parser.getHeaderNames());
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        columns.putIfAbsent(header.get(i), i);
      }
      for (String column : required) {
        if (!columns.containsKey(column)) {
          throw new CsvException(file + ":1: column '" + column + "' is missing (header: "
              + String.join(",", header) + ")");
        }
      }
      Table table = new Table(file, header, Collections.unmodifiableMap(columns));
      for (CSVRecord record : parser) {
        int line = lines.of(record.getCharacterPosition());
        if (record.size() != header.size()) {
          throw new CsvException(file + ":" + line + ": " + record.size() + " fields, the header has "
              + header.size() + (record.size() < header.size()
                  ? " (column '" + header.get(record.size()) + "' is missing)" : ""));
        }
        table.rows.add(new Row(table, line, record.values()));
      }
      return table;
    } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e; // parsing text: no I/O fails
      throw new CsvException(file + ": not valid CSV: " + cause.getMessage(), e);
    }
  }

  /** Line numbers (from 1) of character positions in a text with LF or CRLF line ends. */
  private static final class Lines {
    private final String text;
    private final int[] starts;

    Lines(String text) {
      this.text = text;
      List<Integer> s = new ArrayList<>(List.of(0));
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        s.add(i + 1);
      }
      this.starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The line of the first character at or after {@code position} that is not a line end. */
    int of(long position) {
      int p = (int) Math.min(position, text.length());
      while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
        p++;
      }
      int i = Arrays.binarySearch(starts, p);
      return (i >= 0 ? i : -i - 2) + 1;
    }
  }

  /** A CSV file read whole: its header and its rows. */
  public static final class Table {
    private final String file;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows = new ArrayList<>();

    private Table(String file, List<String> header, Map<String, Integer> columns) {
      this.file = file;
      this.header = header;
      this.columns = columns;
    }

    /** The file (or other source) as named in messages. */
    public String source() {
      return file;
    }

    /** The column names in file order. */
    public List<String> header() {
      return header;
    }

    public boolean has(String column) {
      return columns.containsKey(column);
    }

    public List<Row> rows() {
      return Collections.unmodifiableList(rows);
    }
  }

  /** One record of a {@link Table}; its line is where it starts in the file (the header is line 1). */
  public static final class Row {
    private final Table table;
    private final int line;
    private final String[] values;

    private Row(Table table, int line, String[] values) {
      this.table = table;
      this.line = line;
      this.values = values;
    }

    public int line() {
      return line;
    }

    public boolean has(String column) {
      return table.has(column);
    }

    /** The cells in header order. */
    public List<String> values() {
      return List.of(values);
    }

    /** Column name to value, in header order. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      for (int c = 0; c < values.length; c++) {
        m.putIfAbsent(table.header.get(c), values[c]);
      }
      return m;
    }

    /** The value of {@code column}, as written (possibly blank). */
    public String get(String column) {
      Integer c = table.columns.get(column);
      if (c == null) {
        throw fail(column, null, "is missing (header: " + String.join(",", table.header) + ")");
      }
      return values[c];
    }

    /** The value of {@code column}; blank is an error. */
    public String nonBlank(String column) {
      String v = get(column);
      if (v.isBlank()) {
        throw fail(column, v, "is blank");
      }
      return v;
    }

    /** A whole number from {@code column}. */
    public int integer(String column) {
      String v = nonBlank(column);
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw fail(column, v, "is not a whole number");
      }
    }

    /** A number from {@code column}; blank and {@code NaN} read as NaN (a value that could not be computed). */
    public double real(String column) {
      String v = get(column);
      if (v.isBlank() || v.equalsIgnoreCase("nan")) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw fail(column, v, "is not a number");
      }
    }

    /**
     * The error for {@code column} of this row: {@code FILE:LINE: column 'C' = 'VALUE' PROBLEM}
     * ({@code value} null leaves the value out).
     */
    public CsvException fail(String column, String value, String problem) {
      return new CsvException(table.file + ":" + line + ": column '" + column + "'"
          + (value == null ? "" : " = '" + value + "'") + " " + problem);
    }
  }
}
