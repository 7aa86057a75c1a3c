package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.eval.Probabilities;
import org.cxrlstm.results.io.Csv;

/**
 * The fold ensemble of each arm (section 4 protocol in docs/results-format.md): the mean of the fold
 * models' test-set probabilities per image ({@code partition=test} rows; a file without the column
 * holds test rows only), predicted class the largest mean. Only trials with status done take
 * part; {@code models} says how many.
 */
final class Ensemble {
  private static final List<String> IMAGE_COLUMNS = List.of("index", "file", "patient_id", "label");

  private Ensemble() {}

  static void write(ResultsLayout layout, List<Trial> finished, List<String> doneIds, Path target,
      String experiment) throws IOException {
    Map<Map<String, String>, List<List<Probabilities.Image>>> arms = new LinkedHashMap<>();
    Map<Integer, List<String>> images = new LinkedHashMap<>();
    List<String> classes = null;
    for (Trial t : finished) {
      Path file = layout.trial(t.id()).resolve("predictions.csv");
      if (!doneIds.contains(t.id()) || !Files.exists(file)) {
        continue;
      }
      Csv.Table table = Csv.read(file);
      List<String> probColumns = table.header().stream().filter(c -> c.startsWith("p_")).toList();
      if (classes == null) {
        classes = probColumns;
      } else if (!classes.equals(probColumns)) {
        throw new IOException(file + " has probability columns " + probColumns + ", others have " + classes);
      }
      List<Probabilities.Image> model = new ArrayList<>();
      for (Csv.Row r : table.rows()) {
        Map<String, String> row = r.toMap();
        if (!TrialMetrics.isTest(row)) {
          continue;
        }
        int index = Integer.parseInt(row.get("index"));
        images.putIfAbsent(index, IMAGE_COLUMNS.stream().map(row::get).toList());
        model.add(new Probabilities.Image(index, probColumns.stream().mapToDouble(c -> Double.parseDouble(row.get(c)))
            .toArray()));
      }
      arms.computeIfAbsent(t.arm(), a -> new ArrayList<>()).add(model);
    }
    if (classes == null) {
      Files.deleteIfExists(target);
      return;
    }
    List<String> header = new ArrayList<>(Trial.ARM_COLUMNS);
    header.addAll(List.of("models", "index", "file", "patient_id", "label", "predicted"));
    header.addAll(classes);
    List<String> probColumns = classes;
    Csv.writeRows(target, Merge.labelled(header), csv -> {
      for (Map.Entry<Map<String, String>, List<List<Probabilities.Image>>> arm : arms.entrySet()) {
        for (Probabilities.Image mean : Probabilities.ensemble(arm.getValue())) {
          List<String> row = new ArrayList<>(List.of(experiment));
          row.addAll(arm.getKey().values());
          row.add(String.valueOf(arm.getValue().size()));
          row.addAll(images.get(mean.index()));
          row.add(probColumns.get(mean.predicted()).substring(2));
          for (double v : mean.p()) {
            row.add(String.valueOf((float) v));
          }
          csv.row(row);
        }
      }
    });
  }
}
