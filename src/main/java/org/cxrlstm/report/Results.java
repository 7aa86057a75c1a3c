package org.cxrlstm.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.CsvException;

/**
 * Everything the report reads from {@code results/NAME/}, parsed and checked against the column
 * contracts of docs/results-format.md. Absent files give empty lists and a line in {@link #missing()}.
 */
record Results(Path dir, Properties config, Properties environment, List<String[]> plan, List<Trial> trials,
    List<EpochRow> epochs, List<Prediction> predictions, List<Prediction> ensemble, List<SplitRow> split,
    List<GradCamRow> gradcam, List<String> missing, ClassNames classes) {

  static final List<String> TRIAL_COLUMNS = concat(List.of("trial_index", "trial_id"), Arm.SETTING_COLUMNS,
      List.of("status", "best_epoch", "epochs_run", "stopped_early", "val_accuracy", "val_loss", "test_accuracy",
          "test_loss", "test_n", "seconds", "threads"));
  static final List<String> EPOCH_COLUMNS = concat(List.of("trial_id"), Arm.SETTING_COLUMNS,
      List.of("epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "learning_rate_now", "seconds"));
  static final List<String> PREDICTION_COLUMNS = concat(List.of("trial_id"), Arm.SETTING_COLUMNS,
      List.of("index", "file", "patient_id", "label", "predicted"));
  static final List<String> ENSEMBLE_COLUMNS = concat(Arm.COLUMNS,
      List.of("models", "index", "file", "patient_id", "label", "predicted"),
      List.of());
  static final List<String> SPLIT_COLUMNS = List.of("index", "file", "label", "patient_id", "partition", "fold");
  static final List<String> GRADCAM_COLUMNS = concat(List.of("trial_id"), Arm.COLUMNS,
      List.of("index", "file", "label", "predicted", "inner_mass", "border_mass"));
  static final List<String> PLAN_COLUMNS = concat(List.of("trial_index", "trial_id"), Arm.SETTING_COLUMNS, List.of());

  /** Reads {@code dir}; fails if it is not a directory or a present file is malformed. */
  static Results load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ReportInputException("results folder " + dir + " does not exist");
    }
    List<String> missing = new ArrayList<>();
    // experiment.properties; folders written before the rename have config.properties
    Properties config = properties(Files.exists(dir.resolve("experiment.properties"))
        || !Files.exists(dir.resolve("config.properties")) ? dir.resolve("experiment.properties")
        : dir.resolve("config.properties"), missing);
    Properties environment = properties(dir.resolve("environment.properties"), missing);
    ClassNames classes = classes(dir);
    List<String[]> plan = read(dir, "plan.csv", PLAN_COLUMNS, missing,
        r -> new String[] {r.nonBlank("trial_id"), Arm.of(r).arch(), r.get("fold"), Arm.of(r).key()});
    List<Trial> trials = read(dir, "trials.csv", TRIAL_COLUMNS, missing, r -> new Trial(r.nonBlank("trial_id"),
        Arm.of(r), r.integer("fold"), r.nonBlank("status"), r.real("test_accuracy"), r.real("test_loss"),
        r.real("val_accuracy"), r.real("val_loss"), r.get("epochs_run").isEmpty() ? 0 : r.integer("epochs_run"),
        r.real("seconds")));
    List<EpochRow> epochs = read(dir, "epochs.csv", EPOCH_COLUMNS, missing, r -> new EpochRow(r.nonBlank("trial_id"),
        Arm.of(r), r.integer("fold"), r.integer("epoch"), r.real("train_loss"), r.real("train_accuracy"),
        r.real("val_loss"), r.real("val_accuracy")));
    // test-set rows only: predictions.csv also holds each fold model's validation images
    // (partition=validation); files written before that column hold test rows only
    List<Prediction> predictions = read(dir, "predictions.csv", withProbabilities(PREDICTION_COLUMNS, classes), missing,
        r -> !r.has("partition") || r.get("partition").isEmpty() || r.get("partition").equals("test")
            ? prediction(r, r.integer("fold"), classes) : null).stream().filter(java.util.Objects::nonNull).toList();
    List<Prediction> ensemble = read(dir, "ensemble_predictions.csv", withProbabilities(ENSEMBLE_COLUMNS, classes), missing,
        r -> prediction(r, Prediction.ENSEMBLE, classes));
    List<SplitRow> split = read(dir, "split.csv", SPLIT_COLUMNS, missing, r -> splitRow(r, classes));
    List<GradCamRow> gradcam = Files.exists(dir.resolve("gradcam.csv"))
        ? read(dir, "gradcam.csv", GRADCAM_COLUMNS, missing, r -> new GradCamRow(r.nonBlank("trial_id"), Arm.of(r),
            r.integer("index"), classIndex(r, "label", classes), classIndex(r, "predicted", classes), r.real("inner_mass"),
            r.real("border_mass")))
        : List.of();
    return new Results(dir, config, environment, plan, trials, epochs, predictions, ensemble, split, gradcam,
        List.copyOf(missing), classes);
  }

  /** How many models plan.csv plans for each arm (by {@link Arm#key}); empty without plan.csv. */
  Map<String, Integer> plannedModels() {
    Map<String, Integer> out = new java.util.HashMap<>();
    plan.forEach(p -> out.merge(p[3], 1, Integer::sum));
    return out;
  }

  /**
   * The classes named by the probability columns of the first predictions file present, the ensemble's
   * first (one row per test image, so the smaller file); the other file must then have the same columns.
   */
  private static ClassNames classes(Path dir) {
    for (String name : List.of("ensemble_predictions.csv", "predictions.csv")) {
      Path file = dir.resolve(name);
      if (Files.exists(file)) {
        return ClassNames.ofHeader(table(file, List.of()).header());
      }
    }
    return ClassNames.PAPER;
  }

  /** The arms in order of first appearance in trials, predictions and ensembles. */
  List<Arm> arms() {
    Set<Arm> arms = new LinkedHashSet<>();
    trials.forEach(t -> arms.add(t.arm()));
    predictions.forEach(p -> arms.add(p.arm()));
    ensemble.forEach(p -> arms.add(p.arm()));
    return List.copyOf(arms);
  }

  private static List<String> withProbabilities(List<String> columns, ClassNames classes) {
    return Stream.concat(columns.stream(), classes.probabilityColumns().stream()).toList();
  }

  private static Prediction prediction(Csv.Row r, int fold, ClassNames classes) {
    List<String> columns = classes.probabilityColumns();
    double[] p = new double[columns.size()];
    for (int k = 0; k < p.length; k++) {
      p[k] = r.real(columns.get(k));
      if (!(p[k] >= 0 && p[k] <= 1)) {
        throw r.fail(columns.get(k), Double.toString(p[k]), "is not a probability in [0, 1]");
      }
    }
    long seed = fold == Prediction.ENSEMBLE || r.get("seed").isEmpty() ? 0 : Long.parseLong(r.get("seed").trim());
    return new Prediction(Arm.of(r), fold, seed, r.integer("index"), r.get("file"), r.get("patient_id"),
        classIndex(r, "label", classes), classIndex(r, "predicted", classes), p);
  }

  private static SplitRow splitRow(Csv.Row r, ClassNames classes) {
    String partition = r.nonBlank("partition");
    if (!partition.equals("test") && !partition.equals("train")) {
      throw r.fail("partition", partition, "is neither 'test' nor 'train'");
    }
    boolean test = partition.equals("test");
    int fold = test || r.get("fold").isEmpty() ? -1 : r.integer("fold");
    if (!test && fold < 0) {
      throw r.fail("fold", r.get("fold"), "must name the validation fold of a training image");
    }
    return new SplitRow(r.integer("index"), r.get("file"), classIndex(r, "label", classes), r.get("patient_id"), test, fold);
  }

  private static <T> List<T> read(Path dir, String name, List<String> columns, List<String> missing,
      Function<Csv.Row, T> parse) {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      missing.add(name);
      return List.of();
    }
    Csv.Table table = table(file, columns);
    try {
      return table.rows().stream().map(parse).toList();
    } catch (CsvException e) {
      throw new ReportInputException(e.getMessage(), e);
    }
  }

  /**
   * {@code file} read whole, with {@code columns} required; a file that cannot be read or is
   * malformed is a {@link ReportInputException} naming it (and the line and column).
   */
  static Csv.Table table(Path file, List<String> columns) {
    try {
      return Csv.read(file, columns);
    } catch (CsvException e) {
      throw new ReportInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ReportInputException(file + ": cannot read CSV: " + e.getMessage(), e);
    }
  }

  /** A class column: one of {@code classes} by name (or its index). */
  private static int classIndex(Csv.Row r, String column, ClassNames classes) {
    String v = r.nonBlank(column);
    int c = classes.indexOf(v);
    if (c < 0) {
      throw r.fail(column, v, "is not a known class (allowed: " + String.join(", ", classes.names()) + ")");
    }
    return c;
  }

  private static Properties properties(Path file, List<String> missing) {
    Properties p = new Properties();
    if (!Files.exists(file)) {
      missing.add(file.getFileName().toString());
      return p;
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new ReportInputException(file + ": cannot read properties: " + e.getMessage(), e);
    }
    return p;
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    return Stream.of(a, b, c).flatMap(List::stream).toList();
  }
}
