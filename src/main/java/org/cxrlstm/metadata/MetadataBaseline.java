package org.cxrlstm.metadata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.Probabilities;
import org.cxrlstm.eval.Wilson;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.split.Fold;
import org.cxrlstm.split.Split;

/**
 * The metadata baseline under the networks' protocol: fold model k is a {@link LogisticRegression}
 * on fold k's training images, scored on its validation fold (cross-validated accuracy on the
 * training part) and on the shared test set; the test prediction is the mean of the fold models'
 * probabilities, as the networks' fold ensemble. The same images, folds and test set as the
 * networks, so its accuracy is what the file attributes alone give under this protocol.
 *
 * @param rows one row per fold model and validation image, per fold model and test image, and per
 *     test image for the ensemble
 */
public record MetadataBaseline(List<Row> rows) {
  /** The file written beside the networks' CSVs. */
  public static final String FILE_NAME = "metadata_baseline.csv";
  /** The columns before the probabilities; then one {@code p_<class>} column per class of the dataset. */
  public static final List<String> COLUMNS = List.of("model", "partition", "index", "file", "patient_id", "label",
      "predicted");
  public static final String ENSEMBLE = "ensemble";

  /**
   * One prediction.
   *
   * @param model     {@code fold<k>} or {@link #ENSEMBLE}
   * @param partition {@code validation} or {@code test}
   * @param index     image index in the dataset
   */
  public record Row(String model, String partition, int index, int label, double[] probabilities) {
    public int predicted() {
      return Probabilities.argMax(probabilities);
    }

    public boolean correct() {
      return predicted() == label;
    }
  }

  /**
   * Runs the protocol on {@code features} with {@code labels} in 0..classes-1; an image whose label
   * is negative is left out of training and scoring (for a two-class question on three-class data).
   */
  public static MetadataBaseline run(double[][] features, int[] labels, int classes, Split split) {
    List<Row> rows = new ArrayList<>();
    int[] test = kept(split.test(), labels);
    double[][] ensemble = new double[test.length][classes];
    for (Fold f : split.folds()) {
      int[] train = kept(f.train(), labels);
      // C = 1 in scikit-learn's terms: the penalty of one training image
      LogisticRegression model = LogisticRegression.fit(pick(features, train), pick(labels, train), classes,
          1.0 / train.length);
      for (int i : kept(f.validation(), labels)) {
        rows.add(new Row("fold" + f.index(), "validation", i, labels[i], model.probabilities(features[i])));
      }
      for (int t = 0; t < test.length; t++) {
        double[] p = model.probabilities(features[test[t]]);
        rows.add(new Row("fold" + f.index(), "test", test[t], labels[test[t]], p));
        for (int k = 0; k < classes; k++) {
          ensemble[t][k] += p[k] / split.folds().size();
        }
      }
    }
    for (int t = 0; t < test.length; t++) {
      rows.add(new Row(ENSEMBLE, "test", test[t], labels[test[t]], ensemble[t]));
    }
    return new MetadataBaseline(List.copyOf(rows));
  }

  /** The ensemble's test accuracy with its Wilson 95% interval. */
  public Estimate testAccuracy() {
    return accuracy(rows.stream().filter(r -> r.model().equals(ENSEMBLE)).toList());
  }

  /** Accuracy of the fold models on their validation folds, pooled over folds: the cross-validated accuracy. */
  public Estimate crossValidatedAccuracy() {
    return accuracy(rows.stream().filter(r -> r.partition().equals("validation")).toList());
  }

  static Estimate accuracy(List<Row> rows) {
    return Wilson.interval(rows.stream().filter(Row::correct).count(), rows.size());
  }

  /** {@link #COLUMNS} and {@code p_<class>} for each of {@code classes}, in order. */
  public static List<String> columns(List<String> classes) {
    List<String> out = new ArrayList<>(COLUMNS);
    classes.forEach(c -> out.add("p_" + c));
    return List.copyOf(out);
  }

  /**
   * Writes the rows of a run on the dataset's classes (labels are indices into {@code dataset.classes()}) as
   * {@link #FILE_NAME}-style CSV, atomically.
   */
  public void write(Path file, Dataset dataset) throws IOException {
    Csv.writeRows(file, columns(dataset.classes()), csv -> {
      for (Row r : rows) {
        List<Object> out = new ArrayList<>(List.of(r.model(), r.partition(), r.index(),
            dataset.entry(r.index()).file(), dataset.entry(r.index()).patientId(),
            dataset.classes().get(r.label()), dataset.classes().get(r.predicted())));
        for (double p : r.probabilities()) {
          out.add(String.format(Locale.ROOT, "%.6f", p));
        }
        csv.row(out);
      }
    });
  }

  private static int[] kept(int[] indices, int[] labels) {
    return java.util.Arrays.stream(indices).filter(i -> labels[i] >= 0).toArray();
  }

  private static double[][] pick(double[][] x, int[] idx) {
    return java.util.Arrays.stream(idx).mapToObj(i -> x[i]).toArray(double[][]::new);
  }

  private static int[] pick(int[] y, int[] idx) {
    return java.util.Arrays.stream(idx).map(i -> y[i]).toArray();
  }
}
