package org.cxrlstm.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrlstm.config.DatasetSettings;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.SplitSettings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.metadata.FileAttributes;
import org.cxrlstm.metadata.MetadataBaseline;
import org.cxrlstm.metadata.MetadataFeatures;
import org.cxrlstm.protocol.ExperimentData;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.split.Split;
import org.cxrlstm.split.Splitter;

/**
 * {@code -Dexperiment=metadata-baseline}: how well the file attributes alone (no pixel) classify the
 * dataset, under the networks' protocol and split, without training any network. Settings: the
 * dataset keys, {@code seed} (default {@value #SEED_DEFAULT}, as experiments/baseline.properties),
 * {@code split.seed}, {@code test.fraction}, {@code folds}, and {@code results} (the folder whose
 * split.csv to use or make; default {@code results/metadata-baseline}). Every experiment that
 * trains writes the same {@code metadata_baseline.csv} through {@link ExperimentData#ensureMetadataBaseline}, so its report
 * states the number.
 */
final class MetadataBaselineExperiment implements Experiment {
  static final String SEED_DEFAULT = "42";
  /** Repeats of the whole-dataset cross-validation printed beside the protocol's numbers. */
  static final int REPEATS = 5;

  private final PrintStream out;

  MetadataBaselineExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "metadata-baseline";
  }

  @Override
  public String description() {
    return "accuracy of a logistic regression on file attributes only (no pixels), on the experiment's split";
  }

  @Override
  public Schema schema() {
    return Schema.of("metadata-baseline", Keys.group(Keys.DATASET_KEYS, Keys.SPLIT_KEYS,
        Keys.Key.of("results", ValueKind.text(), "results/metadata-baseline", "the folder whose split.csv to use or make")))
        .withDefault("seed", SEED_DEFAULT).withDefault("test.fraction", "0.15").withDefault("folds", "5");
  }

  @Override
  public void execute(Settings given) throws Exception {
    Settings s = given;
    ResultsLayout layout = new ResultsLayout(Path.of(s.string("results", "results/metadata-baseline")));
    long started = System.nanoTime();
    Dataset dataset = ExperimentData.dataset(s, layout);
    Split split = ExperimentData.split(s, layout, dataset, out);
    MetadataFeatures features = MetadataFeatures.of(FileAttributes.of(dataset, DatasetSettings.manifestFile(s)));
    int[] labels = dataset.entries().stream().mapToInt(e -> e.label()).toArray();
    int k = dataset.classes().size();
    MetadataBaseline all = MetadataBaseline.run(features.rows(), labels, k, split);
    all.write(layout.root().resolve(MetadataBaseline.FILE_NAME), dataset);
    out.println("features: " + String.join(", ", features.names()) + " (" + dataset.size() + " images)");
    String name = String.join(" / ", dataset.classes());
    out.println(name + ": test accuracy (fold ensemble) " + all.testAccuracy().percent()
        + " %, cross-validated on the training part " + all.crossValidatedAccuracy().percent() + " %");
    String repeated = String.format(Locale.ROOT, "%d x %d-fold cross-validation on all images (stratified, patient-"
        + "grouped; seeds split seed + 0..%d): %s %s", REPEATS, split.folds().size(), REPEATS - 1, name,
        repeated(dataset, features, labels, k, s));
    // the paper's classes: also the question the two pediatric classes pose (same source, same age)
    if (dataset.classes().equals(List.of("covid", "pneumonia", "normal"))) {
      int[] pneumoniaNormal = java.util.Arrays.stream(labels).map(y -> y - 1).toArray();
      MetadataBaseline two = MetadataBaseline.run(features.rows(), pneumoniaNormal, 2, split);
      out.println("pneumonia vs normal: test accuracy (fold ensemble) " + two.testAccuracy().percent()
          + " %, cross-validated on the training part " + two.crossValidatedAccuracy().percent() + " %");
      repeated += ", pneumonia vs normal " + repeated(dataset, features, pneumoniaNormal, 2, s);
    }
    out.println(repeated);
    out.println(String.format(Locale.ROOT, "wrote %s (%.1f s)", layout.root().resolve(MetadataBaseline.FILE_NAME),
        (System.nanoTime() - started) / 1e9));
  }

  /** Mean and range over repeats of the pooled cross-validated accuracy on every image. */
  private static String repeated(Dataset dataset, MetadataFeatures f, int[] labels, int classes, Settings s) {
    double[] acc = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      Split cv = Splitter.split(dataset, 0, s.integer("folds"), SplitSettings.splitSeed(s) + r);
      acc[r] = MetadataBaseline.run(f.rows(), labels, classes, cv).crossValidatedAccuracy().value();
    }
    double mean = java.util.Arrays.stream(acc).average().orElse(Double.NaN);
    return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", mean, java.util.Arrays.stream(acc).min().orElse(0),
        java.util.Arrays.stream(acc).max().orElse(0));
  }

}
