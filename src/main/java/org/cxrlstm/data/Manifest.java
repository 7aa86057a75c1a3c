package org.cxrlstm.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.CsvException;

/**
 * A dataset manifest ({@code data/covid-xray-421.csv} or a {@code manifest.csv} beside the class
 * folders): one row per image with at least {@code file, label, patient_id, sha256}; {@code bytes}
 * and {@code source_repo, source_commit, source_path} are used by the fetch when present; {@code width,
 * height} (pixels) and {@code bytes} by the metadata baseline.
 *
 * <p>Every malformed row is reported at once, by file, line and column. Other columns (such as
 * {@code source}) are kept: {@link #values} reads one, and any column can serve as the label.
 */
public final class Manifest {
  static final List<String> REQUIRED = List.of("file", "label", "patient_id", "sha256");

  /** One manifest row; {@code bytes}, {@code width} and {@code height} are -1 when the manifest lacks the column. */
  public record Row(int line, String file, String label, String patientId, long bytes, String sha256,
      String sourceRepo, String sourceCommit, String sourcePath, int width, int height) {

    /** The file's raw GitHub URL, when the row names its source repository, commit and path. */
    public Optional<URI> sourceUrl() {
      if (sourceRepo.isEmpty() || sourceCommit.isEmpty() || sourcePath.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(URI.create("https://raw.githubusercontent.com/" + sourceRepo + "/" + sourceCommit
          + "/" + UrlPaths.encode(sourcePath)));
    }
  }

  /** The column that holds each image's class unless another is asked for. */
  public static final String LABEL = "label";

  private final Path path;
  private final List<Row> rows;
  private final Map<String, List<String>> columns;

  private Manifest(Path path, List<Row> rows, Map<String, List<String>> columns) {
    this.path = path;
    this.rows = List.copyOf(rows);
    this.columns = columns;
  }

  public Path path() {
    return path;
  }

  public List<Row> rows() {
    return rows;
  }

  public boolean hasColumn(String column) {
    return columns.containsKey(column);
  }

  /**
   * The value of {@code column} for every row, in the order of {@link #rows()}.
   *
   * @throws DataException naming the file and its columns when the manifest has no such column
   */
  public List<String> values(String column) {
    List<String> v = columns.get(column);
    if (v == null) {
      throw new DataException(path + ": no column '" + column + "' (header has " + columns.keySet() + ")");
    }
    return v;
  }

  /** The rows whose {@code column} holds {@code value}, with all their columns, in order. */
  public Manifest where(String column, String value) {
    List<String> v = values(column);
    List<Row> kept = new ArrayList<>();
    Map<String, List<String>> keptColumns = new LinkedHashMap<>();
    columns.keySet().forEach(c -> keptColumns.put(c, new ArrayList<>()));
    for (int i = 0; i < rows.size(); i++) {
      if (v.get(i).equals(value)) {
        kept.add(rows.get(i));
        for (Map.Entry<String, List<String>> c : columns.entrySet()) {
          keptColumns.get(c.getKey()).add(c.getValue().get(i));
        }
      }
    }
    return new Manifest(path, kept, keptColumns);
  }

  /** Reads and checks {@code csv}; throws {@link DataException} listing every bad row. */
  public static Manifest read(Path csv) throws IOException {
    return read(csv, LABEL);
  }

  /**
   * Reads and checks {@code csv}, taking each row's class from {@code labelColumn} (the image's
   * source, say, to measure how well the source can be told from the pixels).
   */
  public static Manifest read(Path csv, String labelColumn) throws IOException {
    List<Row> rows = new ArrayList<>();
    Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try {
      Csv.Table table = Csv.read(csv);
      List<String> header = table.header();
      header.forEach(c -> columns.put(c, new ArrayList<>()));
      if (!table.has(labelColumn)) {
        throw new DataException(csv + ": line 1: no label column '" + labelColumn + "' (header has " + header + ")");
      }
      for (String column : REQUIRED) {
        if (!table.has(column)) {
          throw new DataException(csv + ": line 1: missing column '" + column + "' (header has " + header + ")");
        }
      }
      Map<String, Integer> seen = new HashMap<>();
      for (Csv.Row record : table.rows()) {
        int line = record.line();
        Row row = row(csv, line, record, labelColumn, problems);
        if (row == null) {
          continue;
        }
        Integer before = seen.putIfAbsent(row.file(), line);
        if (before != null) {
          problems.add(csv + ": line " + line + ": column 'file': '" + row.file() + "' already listed on line " + before);
          continue;
        }
        rows.add(row);
        columns.forEach((c, v) -> v.add(record.get(c)));
      }
    } catch (NoSuchFileException e) {
      throw new DataException("manifest not found: " + csv);
    } catch (CsvException e) {
      throw new DataException("bad manifest " + csv, List.of(e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new DataException("bad manifest " + csv, problems);
    }
    if (rows.isEmpty()) {
      throw new DataException(csv + ": the manifest has no rows");
    }
    columns.replaceAll((c, v) -> List.copyOf(v));
    return new Manifest(csv, rows, java.util.Collections.unmodifiableMap(columns));
  }

  private static Row row(Path csv, int line, Csv.Row r, String labelColumn, List<String> problems) {
    int before = problems.size();
    String where = csv + ": line " + line + ": column ";
    String file = r.get("file");
    String pathProblem = RelativeFile.problem(file);
    if (pathProblem != null) {
      problems.add(where + "'file': '" + file + "' " + pathProblem);
    }
    String label = r.get(labelColumn);
    if (label.isEmpty()) {
      problems.add(where + "'" + labelColumn + "' is empty");
    }
    String patient = r.get("patient_id");
    if (patient.isEmpty()) {
      problems.add(where + "'patient_id' is empty");
    }
    String sha = r.get("sha256").toLowerCase(java.util.Locale.ROOT);
    if (!sha.matches("[0-9a-f]{64}")) {
      problems.add(where + "'sha256': '" + sha + "' is not 64 hex digits");
    }
    long bytes = -1;
    if (r.has("bytes")) {
      try {
        bytes = Long.parseLong(r.get("bytes"));
        if (bytes < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problems.add(where + "'bytes': '" + r.get("bytes") + "' is not a non-negative whole number");
      }
    }
    int width = dimension(r, "width", where, problems);
    int height = dimension(r, "height", where, problems);
    if (problems.size() > before) {
      return null;
    }
    return new Row(line, file, label, patient, bytes, sha, optional(r, "source_repo"),
        optional(r, "source_commit"), optional(r, "source_path"), width, height);
  }

  /** A positive pixel count from {@code column}, -1 when the manifest has no such column. */
  private static int dimension(Csv.Row r, String column, String where, List<String> problems) {
    if (!r.has(column)) {
      return -1;
    }
    try {
      int v = Integer.parseInt(r.get(column));
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(where + "'" + column + "': '" + r.get(column) + "' is not a positive whole number");
    return -1;
  }

  private static String optional(Csv.Row r, String column) {
    return r.has(column) ? r.get(column) : "";
  }
}
