package org.cxrlstm.data;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

  /** Reads and checks {@code csv}; throws {@link DataException} listing every bad row. */
  public static Manifest read(Path csv) throws IOException {
    return read(csv, LABEL);
  }

  /**
   * Reads and checks {@code csv}, taking each row's class from {@code labelColumn} (the image's
   * source, say, to measure how well the source can be told from the pixels).
   */
  public static Manifest read(Path csv, String labelColumn) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).get();
    List<Row> rows = new ArrayList<>();
    Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Map<String, Integer> header = parser.getHeaderMap();
      header.keySet().forEach(c -> columns.put(c, new ArrayList<>()));
      if (!header.containsKey(labelColumn)) {
        throw new DataException(csv + ": line 1: no label column '" + labelColumn + "' (header has " + header.keySet() + ")");
      }
      for (String column : REQUIRED) {
        if (!header.containsKey(column)) {
          throw new DataException(csv + ": line 1: missing column '" + column + "' (header has " + header.keySet() + ")");
        }
      }
      Map<String, Integer> seen = new HashMap<>();
      for (CSVRecord record : parser) {
        int line = (int) parser.getCurrentLineNumber();
        Row row = row(csv, line, record, header, labelColumn, problems);
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

  private static Row row(Path csv, int line, CSVRecord r, Map<String, Integer> header, String labelColumn,
      List<String> problems) {
    int before = problems.size();
    String where = csv + ": line " + line + ": column ";
    if (r.size() != header.size()) {
      problems.add(csv + ": line " + line + ": " + r.size() + " fields, header has " + header.size());
      return null;
    }
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
    if (header.containsKey("bytes")) {
      try {
        bytes = Long.parseLong(r.get("bytes"));
        if (bytes < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problems.add(where + "'bytes': '" + r.get("bytes") + "' is not a non-negative whole number");
      }
    }
    int width = dimension(r, header, "width", where, problems);
    int height = dimension(r, header, "height", where, problems);
    if (problems.size() > before) {
      return null;
    }
    return new Row(line, file, label, patient, bytes, sha, optional(r, header, "source_repo"),
        optional(r, header, "source_commit"), optional(r, header, "source_path"), width, height);
  }

  /** A positive pixel count from {@code column}, -1 when the manifest has no such column. */
  private static int dimension(CSVRecord r, Map<String, Integer> header, String column, String where,
      List<String> problems) {
    if (!header.containsKey(column)) {
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

  private static String optional(CSVRecord r, Map<String, Integer> header, String column) {
    return header.containsKey(column) ? r.get(column) : "";
  }
}
