package org.cxrlstm.results;

import org.cxrlstm.results.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cxrlstm.config.Trial;

/** {@code plan.csv}: one row per planned trial, {@code trial_index,trial_id}, then the setting columns. */
public final class PlanFile {
  public static final String FILE = "plan.csv";

  private PlanFile() {}

  /** Writes plan.csv (trial_index, trial_id, setting columns) atomically. */
  public static void write(Path file, List<Trial> trials) throws IOException {
    List<String> header = new ArrayList<>(List.of("trial_index", "trial_id"));
    header.addAll(Trial.COLUMNS);
    AtomicFiles.write(file, w -> {
      try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
        for (Trial t : trials) {
          List<String> row = new ArrayList<>(List.of(String.valueOf(t.index()), t.id()));
          row.addAll(t.settings().values());
          csv.printRecord(row);
        }
      }
    });
  }

  /** The trial ids of a written plan.csv, in order. */
  public static List<String> readIds(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : p) {
        ids.add(rec.get("trial_id"));
      }
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a plan.csv: " + e.getMessage(), e);
    }
    return ids;
  }
}
