package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.io.Csv;

/** {@code plan.csv}: one row per planned trial, {@code trial_index,trial_id}, then the setting columns. */
public final class PlanFile {
  public static final String FILE = "plan.csv";

  private PlanFile() {}

  /** Writes plan.csv (trial_index, trial_id, setting columns) atomically. */
  public static void write(Path file, List<Trial> trials) throws IOException {
    List<String> header = new ArrayList<>(List.of("trial_index", "trial_id"));
    header.addAll(Trial.COLUMNS);
    List<List<String>> rows = new ArrayList<>();
    for (Trial t : trials) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(t.index()), t.id()));
      row.addAll(t.settings().values());
      rows.add(row);
    }
    Csv.write(file, header, rows);
  }

  /** The trials of a written plan.csv, in order (setting columns it lacks are blank). */
  public static List<Trial> read(Path file) throws IOException {
    return Csv.read(file, List.of("trial_index", "trial_id", "arch")).rows().stream()
        .map(r -> new Trial(r.integer("trial_index"), r.nonBlank("trial_id"), Rows.settings(r))).toList();
  }

  /** The trial ids of a written plan.csv, in order. */
  public static List<String> readIds(Path file) throws IOException {
    return Csv.read(file, List.of("trial_id")).rows().stream().map(r -> r.get("trial_id")).toList();
  }
}
