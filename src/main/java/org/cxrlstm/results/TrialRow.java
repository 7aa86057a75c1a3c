package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.io.Csv;

/**
 * One row of {@code trials.csv}, whoever writes it (the merge of a sweep's trial folders, or
 * {@code evaluate} for saved models): index, id, the setting columns, status and the result columns.
 *
 * @param index    the trial's index in its plan (evaluate: the model's position)
 * @param id       the trial id (evaluate: the model's name)
 * @param settings value per setting column ({@link Trial#COLUMNS}); missing ones are blank
 * @param status   done, diverged or failed
 * @param results  value per result column ({@link TrialFiles#RESULT_COLUMNS}); missing ones are blank
 */
public record TrialRow(int index, String id, Map<String, String> settings, String status, Map<String, String> results) {
  public TrialRow {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
  }

  /** The columns of trials.csv (without the merge's leading experiment column). */
  public static List<String> header() {
    List<String> header = new ArrayList<>(List.of("trial_index", "trial_id"));
    header.addAll(Trial.COLUMNS);
    header.add("status");
    header.addAll(TrialFiles.RESULT_COLUMNS);
    return header;
  }

  /** The row of a trial folder: the plan's trial, its status and its trial.properties. */
  public static TrialRow of(Trial trial, String status, Map<String, String> properties) {
    return new TrialRow(trial.index(), trial.id(), trial.settings(), status, properties);
  }

  public boolean done() {
    return status.equals("done");
  }

  /** A result column as a number; NaN when blank or absent. */
  public double real(String column) {
    String v = results.getOrDefault(column, "");
    return v.isBlank() ? Double.NaN : Double.parseDouble(v);
  }

  /**
   * Reads a trials.csv (merged or evaluate's). Setting and result columns a file lacks (written
   * before they existed) are blank; a result that is not a number fails naming file, line and column.
   */
  public static List<TrialRow> read(Path file) throws IOException {
    List<TrialRow> rows = new ArrayList<>();
    for (Csv.Row r : Csv.read(file, List.of("trial_index", "trial_id", "arch", "status")).rows()) {
      Map<String, String> results = Rows.values(r, TrialFiles.RESULT_COLUMNS);
      for (String c : TrialFiles.RESULT_COLUMNS) {
        if (r.has(c) && !c.equals("stopped_early")) {
          r.real(c);
        }
      }
      rows.add(new TrialRow(r.integer("trial_index"), r.nonBlank("trial_id"), Rows.settings(r),
          r.nonBlank("status"), results));
    }
    return rows;
  }

  /** Writes {@code rows} as a trials.csv. */
  public static void write(Path file, List<TrialRow> rows) throws IOException {
    Csv.write(file, header(), rows.stream().map(TrialRow::cells).toList());
  }

  /** The cells in {@link #header()} order. */
  public List<String> cells() {
    List<String> row = new ArrayList<>(List.of(String.valueOf(index), id));
    Trial.COLUMNS.forEach(c -> row.add(settings.getOrDefault(c, "")));
    row.add(status);
    TrialFiles.RESULT_COLUMNS.forEach(c -> row.add(results.getOrDefault(c, "")));
    return row;
  }
}
