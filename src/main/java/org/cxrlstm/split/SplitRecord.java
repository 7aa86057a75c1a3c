package org.cxrlstm.split;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cxrlstm.results.io.AtomicFiles;

/**
 * What a split was made from, kept in {@code split.properties} beside {@code split.csv}: the split
 * seed, the test fraction, the fold count and the content hash of the images ({@link
 * org.cxrlstm.data.Dataset#contentHash()}). A run that finds an existing split compares these with
 * its own settings, so a split made for other settings or other images is never reused silently.
 *
 * <p>A sidecar rather than comment lines in split.csv: split.csv stays a plain CSV that pandas, R,
 * spreadsheets and Commons CSV read without a comment option, and a plain {@code key=value} file
 * is read by {@code java.util.Properties} and by eye.
 *
 * @param seed         the seed of {@link Splitter#split}
 * @param testFraction share of images held out
 * @param folds        cross-validation folds
 * @param datasetHash  sha256 over the dataset's sorted (file, sha256) pairs
 */
public record SplitRecord(long seed, double testFraction, int folds, String datasetHash) {
  public static final String FILE_NAME = "split.properties";
  /** The keys of the file, in the order they are written and compared. */
  public static final List<String> KEYS = List.of("split.seed", "test.fraction", "folds", "dataset.hash");

  public SplitRecord {
    if (datasetHash == null || datasetHash.isBlank()) {
      throw new IllegalArgumentException("a split record needs the dataset's content hash");
    }
  }

  /** Where the record of {@code splitCsv} lives. */
  public static Path beside(Path splitCsv) {
    return splitCsv.resolveSibling(FILE_NAME);
  }

  /** The recorded values as written, keyed like {@link #KEYS}. */
  public Map<String, String> values() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("split.seed", Long.toString(seed));
    out.put("test.fraction", canonical(testFraction));
    out.put("folds", Integer.toString(folds));
    out.put("dataset.hash", datasetHash);
    return out;
  }

  /** The keys whose values differ between this (recorded) split and {@code wanted}, in {@link #KEYS} order. */
  public List<String> differences(SplitRecord wanted) {
    List<String> out = new ArrayList<>();
    Map<String, String> mine = values();
    Map<String, String> theirs = wanted.values();
    for (String k : KEYS) {
      if (!mine.get(k).equals(theirs.get(k))) {
        out.add(k);
      }
    }
    return out;
  }

  /** Writes {@code file} atomically: a reader sees the old record or the new one, never half. */
  public void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder("# the settings split.csv was made with; a run with other values is refused\n");
    values().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    AtomicFiles.writeString(file, text);
  }

  /**
   * The record in {@code file}, or empty when there is none (a split.csv written before splits
   * recorded their settings).
   *
   * @throws IllegalArgumentException naming the file, line and key when a value is missing or malformed
   */
  public static Optional<SplitRecord> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq).trim();
      if (eq < 0 || !KEYS.contains(key)) {
        throw new IllegalArgumentException(file + ": line " + (i + 1) + ": '" + line + "' is not one of "
            + String.join(", ", KEYS) + " as key=value");
      }
      values.put(key, line.substring(eq + 1).trim());
    }
    for (String k : KEYS) {
      if (!values.containsKey(k)) {
        throw new IllegalArgumentException(file + ": key '" + k + "' is missing");
      }
    }
    try {
      return Optional.of(new SplitRecord(Long.parseLong(values.get("split.seed")),
          Double.parseDouble(values.get("test.fraction")), Integer.parseInt(values.get("folds")),
          values.get("dataset.hash")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": a value is not a number: " + values + " (" + e.getMessage() + ")");
    }
  }

  /** Shortest decimal form, so that 0.15 and 0.150 compare equal. */
  private static String canonical(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
  }
}
