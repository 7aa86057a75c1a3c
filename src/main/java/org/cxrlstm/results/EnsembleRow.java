package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.eval.Probabilities;
import org.cxrlstm.results.io.Csv;

/**
 * One row of {@code ensemble_predictions.csv}: an arm's fold ensemble on one test image, the mean
 * of its fold models' probabilities ({@link Probabilities#ensemble}), predicted class the largest.
 *
 * @param arm    value per arm column ({@link Trial#ARM_COLUMNS})
 * @param models how many fold models the mean is over
 */
public record EnsembleRow(Map<String, String> arm, int models, int index, String file, String patientId,
    String label, String predicted, double[] probabilities) {
  static final List<String> IMAGE_COLUMNS = List.of("models", "index", "file", "patient_id", "label", "predicted");

  public EnsembleRow {
    arm = Collections.unmodifiableMap(new LinkedHashMap<>(arm));
  }

  /** An ensembles file: its classes and rows. */
  public record File(List<String> classes, List<EnsembleRow> rows) {}

  /**
   * The ensemble of every arm in {@code predictions}' test rows, arms in order of first appearance;
   * each fold model (trial id) counts once per image.
   */
  public static List<EnsembleRow> of(List<PredictionRow> predictions, List<String> classes) {
    Map<Map<String, String>, Map<String, List<Probabilities.Image>>> arms = new LinkedHashMap<>();
    Map<Integer, PredictionRow> images = new LinkedHashMap<>();
    for (PredictionRow p : predictions) {
      if (!p.test()) {
        continue;
      }
      Map<String, String> arm = new LinkedHashMap<>();
      Trial.ARM_COLUMNS.forEach(c -> arm.put(c, p.settings().getOrDefault(c, "")));
      arms.computeIfAbsent(arm, a -> new LinkedHashMap<>()).computeIfAbsent(p.trialId(), t -> new ArrayList<>())
          .add(new Probabilities.Image(p.index(), p.probabilities()));
      images.putIfAbsent(p.index(), p);
    }
    List<EnsembleRow> out = new ArrayList<>();
    for (Map.Entry<Map<String, String>, Map<String, List<Probabilities.Image>>> arm : arms.entrySet()) {
      List<List<Probabilities.Image>> models = List.copyOf(arm.getValue().values());
      for (Probabilities.Image mean : Probabilities.ensemble(models)) {
        PredictionRow image = images.get(mean.index());
        out.add(new EnsembleRow(arm.getKey(), models.size(), mean.index(), image.file(), image.patientId(),
            image.label(), classes.get(mean.predicted()), mean.p()));
      }
    }
    return out;
  }

  /** The arm columns, models, index, file, patient_id, label, predicted, p_CLASS per class. */
  public static List<String> header(List<String> classes) {
    return Rows.header(Trial.ARM_COLUMNS, IMAGE_COLUMNS, classes.stream().map(Rows::probabilityColumn).toList());
  }

  public List<String> cells() {
    List<String> row = new ArrayList<>(Rows.cells(arm, Trial.ARM_COLUMNS));
    row.addAll(List.of(String.valueOf(models), String.valueOf(index), file, patientId, label, predicted));
    Rows.addProbabilities(row, probabilities);
    return row;
  }

  public static File read(Path path) throws IOException {
    Csv.Table table = Csv.read(path, List.of("arch", "models", "index", "file", "patient_id", "label", "predicted"));
    List<String> classes = Rows.classesOf(table.header());
    List<EnsembleRow> rows = table.rows().stream().map(r -> new EnsembleRow(Rows.arm(r),
        r.integer("models"), r.integer("index"), r.get("file"), r.get("patient_id"),
        Rows.className(r, "label", classes), Rows.className(r, "predicted", classes),
        Rows.probabilities(r, classes))).toList();
    return new File(classes, rows);
  }

  public static void write(Path path, List<String> classes, List<EnsembleRow> rows) throws IOException {
    Csv.write(path, header(classes), rows.stream().map(EnsembleRow::cells).toList());
  }
}
