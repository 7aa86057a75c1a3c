package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.io.Csv;

/**
 * The fold ensemble of each arm (section 4 protocol in docs/architecture.md): the mean of the fold
 * models' test-set probabilities per image ({@code partition=test} rows; a file without the column
 * holds test rows only), predicted class the largest mean. Only trials with status done take
 * part; {@code models} says how many.
 */
final class Ensemble {
  private static final List<String> IMAGE_COLUMNS = List.of("index", "file", "patient_id", "label");

  private Ensemble() {}

  /** One image of one arm: its identity and the summed probabilities. */
  private static final class Sum {
    final List<String> image;
    final double[] p;
    int models;

    Sum(List<String> image, int classes) {
      this.image = image;
      this.p = new double[classes];
    }
  }

  static void write(ResultsLayout layout, List<Trial> finished, List<String> doneIds, Path target,
      String experiment) throws IOException {
    Map<Map<String, String>, Map<String, Sum>> arms = new LinkedHashMap<>();
    Map<Map<String, String>, Integer> models = new LinkedHashMap<>();
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
      Map<String, Sum> images = arms.computeIfAbsent(t.arm(), a -> new LinkedHashMap<>());
      models.merge(t.arm(), 1, Integer::sum);
      for (Csv.Row r : table.rows()) {
        Map<String, String> row = r.toMap();
        if (!TrialMetrics.isTest(row)) {
          continue;
        }
        List<String> image = IMAGE_COLUMNS.stream().map(row::get).toList();
        Sum sum = images.computeIfAbsent(row.get("index"), k -> new Sum(image, probColumns.size()));
        for (int k = 0; k < probColumns.size(); k++) {
          sum.p[k] += Double.parseDouble(row.get(probColumns.get(k)));
        }
        sum.models++;
      }
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
        for (Map.Entry<Map<String, String>, Map<String, Sum>> arm : arms.entrySet()) {
          for (Sum sum : arm.getValue().values()) {
            List<String> row = new ArrayList<>(List.of(experiment));
            row.addAll(arm.getKey().values());
            row.add(String.valueOf(models.get(arm.getKey())));
            row.addAll(sum.image);
            int best = 0;
            for (int k = 1; k < sum.p.length; k++) {
              if (sum.p[k] > sum.p[best]) {
                best = k;
              }
            }
            row.add(probColumns.get(best).substring(2));
            for (double v : sum.p) {
              row.add(String.valueOf((float) (v / sum.models)));
            }
            csv.row(row);
          }
        }
    });
  }
}
