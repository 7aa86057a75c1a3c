package org.cxrlstm.report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.Wilson;
import org.cxrlstm.metadata.MetadataBaseline;
import org.cxrlstm.metadata.MetadataFeatures;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.results.io.Csv;

/**
 * The data card's line on the confound that needs no pixels, from {@code metadata_baseline.csv}:
 * the accuracy of a logistic regression on file attributes alone, on the same split and test set.
 */
final class MetadataCard {
  private MetadataCard() {}

  /** The line, or a note that the folder has no metadata_baseline.csv. */
  static String line(Path dir) {
    Path file = dir.resolve(MetadataBaseline.FILE_NAME);
    if (!Files.exists(file)) {
      return "Metadata baseline: " + MetadataBaseline.FILE_NAME + " missing (run -Dexperiment=metadata-baseline).";
    }
    List<Csv.Row> rows = Results.table(file, MetadataBaseline.COLUMNS).rows();
    Estimate test = testAccuracy(rows);
    Estimate cv = accuracy(rows.stream().filter(r -> r.get("partition").equals("validation")).toList());
    return "A model that never sees a pixel (" + (classes(rows) > 2 ? "multinomial " : "") + "logistic regression on the files' "
        + String.join(", ", MetadataFeatures.NUMERIC).replace('_', ' ') + " and format; same folds, fold "
        + "ensemble) scores " + test.percent() + " % on the test set (cross-validated on the training part: "
        + cv.percent() + " %): that much of the accuracy below is available from how the sources store their "
        + "files, without any image content.";
  }

  /**
   * The fold ensemble's test accuracy with its Wilson interval (test sampling only), or
   * {@link Estimate#UNDEFINED} when the folder has no metadata_baseline.csv.
   */
  static Estimate testAccuracy(Path dir) {
    Path file = dir.resolve(MetadataBaseline.FILE_NAME);
    return Files.exists(file) ? testAccuracy(Results.table(file, MetadataBaseline.COLUMNS).rows()) : Estimate.UNDEFINED;
  }

  private static Estimate testAccuracy(List<Csv.Row> rows) {
    return accuracy(rows.stream().filter(r -> r.get("model").equals(MetadataBaseline.ENSEMBLE)).toList());
  }

  private static long classes(List<Csv.Row> rows) {
    return rows.stream().map(r -> r.get("label")).distinct().count();
  }

  private static Estimate accuracy(List<Csv.Row> rows) {
    long right = rows.stream().filter(r -> r.get("label").equals(r.get("predicted"))).count();
    return Wilson.interval(right, rows.size());
  }
}
