package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.Predictions;

/**
 * One row of {@code predictions.csv}: one image's class probabilities from one fold model.
 *
 * @param trialId       the fold model's trial
 * @param settings      value per setting column ({@link Trial#COLUMNS})
 * @param partition     {@link #TEST} or {@link #VALIDATION} (the model's own validation fold)
 * @param index         the image's position in the dataset's manifest
 * @param label         the true class's name
 * @param predicted     the predicted class's name (the largest probability)
 * @param probabilities per class of the file, in its column order
 */
public record PredictionRow(String trialId, Map<String, String> settings, String partition, int index, String file,
    String patientId, String label, String predicted, double[] probabilities) {
  public static final String TEST = "test";
  public static final String VALIDATION = "validation";
  static final List<String> IMAGE_COLUMNS = List.of("partition", "index", "file", "patient_id", "label", "predicted");

  public PredictionRow {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A predictions file: its classes (the {@code p_<class>} columns in order) and rows. */
  public record File(List<String> classes, List<PredictionRow> rows) {
    /** The test-set rows. */
    public List<PredictionRow> test() {
      return rows.stream().filter(PredictionRow::test).toList();
    }
  }

  /** The rows of {@code p}: model {@code trialId}'s probabilities for images of {@code dataset}. */
  public static List<PredictionRow> of(String trialId, Map<String, String> settings, String partition, Predictions p,
      Dataset dataset) {
    List<String> classes = dataset.classes();
    List<PredictionRow> rows = new ArrayList<>();
    for (int i = 0; i < p.count(); i++) {
      ImageEntry e = dataset.entry(p.indices()[i]);
      double[] probabilities = new double[p.probabilities()[i].length];
      for (int k = 0; k < probabilities.length; k++) {
        probabilities[k] = p.probabilities()[i][k];
      }
      rows.add(new PredictionRow(trialId, settings, partition, p.indices()[i], e.file(), e.patientId(),
          classes.get(p.labels()[i]), classes.get(p.predicted(i)), probabilities));
    }
    return rows;
  }

  public boolean test() {
    return partition.equals(TEST);
  }

  /** trial_id, the setting columns, partition, index, file, patient_id, label, predicted, p_CLASS per class. */
  public static List<String> header(List<String> classes) {
    return Rows.header(List.of("trial_id"), Trial.COLUMNS,
        Rows.header(IMAGE_COLUMNS, classes.stream().map(Rows::probabilityColumn).toList(), List.of()));
  }

  public List<String> cells() {
    List<String> row = new ArrayList<>(List.of(trialId));
    row.addAll(Rows.cells(settings, Trial.COLUMNS));
    row.addAll(List.of(partition, String.valueOf(index), file, patientId, label, predicted));
    Rows.addProbabilities(row, probabilities);
    return row;
  }

  /**
   * Reads a trial folder's or merged predictions file. A file written before validation rows were
   * kept has no {@code partition} column: its rows are test rows.
   */
  public static File read(Path path) throws IOException {
    Csv.Table table = Csv.read(path, List.of("trial_id", "index", "file", "patient_id", "label", "predicted"));
    List<String> classes = Rows.classesOf(table.header());
    List<PredictionRow> rows = new ArrayList<>();
    for (Csv.Row r : table.rows()) {
      String partition = r.has("partition") && !r.get("partition").isEmpty() ? r.get("partition") : TEST;
      if (!partition.equals(TEST) && !partition.equals(VALIDATION)) {
        throw r.fail("partition", partition, "is neither 'test' nor 'validation'");
      }
      rows.add(new PredictionRow(r.nonBlank("trial_id"), Rows.settings(r), partition, r.integer("index"),
          r.get("file"), r.get("patient_id"), Rows.className(r, "label", classes),
          Rows.className(r, "predicted", classes), Rows.probabilities(r, classes)));
    }
    return new File(classes, List.copyOf(rows));
  }

  public static void write(Path path, List<String> classes, List<PredictionRow> rows) throws IOException {
    Csv.write(path, header(classes), rows.stream().map(PredictionRow::cells).toList());
  }
}
