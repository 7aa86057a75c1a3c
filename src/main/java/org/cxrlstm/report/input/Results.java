package org.cxrlstm.report.input;

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
import org.cxrlstm.results.EnsembleRow;
import org.cxrlstm.results.EpochRow;
import org.cxrlstm.results.PlanFile;
import org.cxrlstm.results.PredictionRow;
import org.cxrlstm.results.TrialRow;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.CsvException;

/**
 * Everything the report reads from {@code results/NAME/}, parsed and checked against the column
 * contracts of docs/results-format.md. Absent files give empty lists and a line in {@link #missing()}.
 */
public record Results(Path dir, Properties config, Properties environment, List<String[]> plan, List<Trial> trials,
    List<ArmEpoch> epochs, List<Prediction> predictions, List<Prediction> ensemble, List<SplitRow> split,
    List<GradCamRow> gradcam, List<String> missing, ClassNames classes) {

  /** Reads {@code dir}; fails if it is not a directory or a present file is malformed. */
  public static Results load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ReportInputException("results folder " + dir + " does not exist");
    }
    List<String> missing = new ArrayList<>();
    // experiment.properties; folders written before the rename have config.properties
    Properties config = properties(Files.exists(dir.resolve("experiment.properties"))
        || !Files.exists(dir.resolve("config.properties")) ? dir.resolve("experiment.properties")
        : dir.resolve("config.properties"), missing);
    Properties environment = properties(dir.resolve("environment.properties"), missing);
    EnsembleRow.File ensembleFile = read(dir, "ensemble_predictions.csv", missing, EnsembleRow::read);
    PredictionRow.File predictionFile = read(dir, "predictions.csv", missing, PredictionRow::read);
    // the classes of the ensemble file (one row per test image, so the smaller file), else the predictions'
    ClassNames classes = ensembleFile != null ? new ClassNames(ensembleFile.classes())
        : predictionFile != null ? new ClassNames(predictionFile.classes()) : ClassNames.PAPER;
    if (ensembleFile != null && predictionFile != null && !ensembleFile.classes().equals(predictionFile.classes())) {
      List<String> lacking = ensembleFile.classes().stream().filter(c -> !predictionFile.classes().contains(c))
          .map(c -> "'p_" + c + "'").toList();
      throw new ReportInputException(dir.resolve("predictions.csv") + ": probability columns of classes "
          + predictionFile.classes() + " differ from ensemble_predictions.csv's " + ensembleFile.classes()
          + (lacking.isEmpty() ? "" : "; column " + String.join(", ", lacking) + " is missing"));
    }
    List<String[]> plan = orEmpty(read(dir, "plan.csv", missing, PlanFile::read)).stream()
        .map(t -> new String[] {t.id(), t.settings().get("arch"), t.settings().get("fold"), Arm.of(t.settings()).key()})
        .toList();
    List<Trial> trials = orEmpty(read(dir, "trials.csv", missing, TrialRow::read)).stream()
        .map(t -> new Trial(t.id(), Arm.of(t.settings()), Integer.parseInt(t.settings().get("fold")), t.status(),
            t.real("test_accuracy"), t.real("test_loss"), t.real("val_accuracy"), t.real("val_loss"),
            Double.isNaN(t.real("epochs_run")) ? 0 : (int) t.real("epochs_run"), t.real("seconds")))
        .toList();
    List<ArmEpoch> epochs = orEmpty(read(dir, "epochs.csv", missing, EpochRow::read)).stream()
        .map(e -> new ArmEpoch(e.trialId(), Arm.of(e.settings()), Integer.parseInt(e.settings().get("fold")),
            e.epoch().epoch(), e.epoch().trainLoss(), e.epoch().trainAccuracy(), e.epoch().validationLoss(),
            e.epoch().validationAccuracy()))
        .toList();
    // test-set rows only: predictions.csv also holds each fold model's validation images
    List<Prediction> predictions = predictionFile == null ? List.of() : predictionFile.test().stream()
        .map(p -> new Prediction(Arm.of(p.settings()), Integer.parseInt(p.settings().get("fold")),
            p.settings().get("seed").isEmpty() ? 0 : Long.parseLong(p.settings().get("seed")), p.index(), p.file(),
            p.patientId(), classes.indexOf(p.label()), classes.indexOf(p.predicted()), p.probabilities()))
        .toList();
    List<Prediction> ensemble = ensembleFile == null ? List.of() : ensembleFile.rows().stream()
        .map(p -> new Prediction(Arm.of(p.arm()), Prediction.ENSEMBLE, 0, p.index(), p.file(), p.patientId(),
            classes.indexOf(p.label()), classes.indexOf(p.predicted()), p.probabilities()))
        .toList();
    List<SplitRow> split = readCsv(dir, "split.csv", SPLIT_COLUMNS, missing, r -> splitRow(r, classes));
    List<GradCamRow> gradcam = Files.exists(dir.resolve("gradcam.csv"))
        ? readCsv(dir, "gradcam.csv", GRADCAM_COLUMNS, missing, r -> new GradCamRow(r.nonBlank("trial_id"),
            Arm.of(r), r.integer("index"), classIndex(r, "label", classes), classIndex(r, "predicted", classes),
            r.real("inner_mass"), r.real("border_mass")))
        : List.of();
    return new Results(dir, config, environment, plan, trials, epochs, predictions, ensemble, split, gradcam,
        List.copyOf(missing), classes);
  }

  public static final List<String> SPLIT_COLUMNS = List.of("index", "file", "label", "patient_id", "partition", "fold");
  public static final List<String> GRADCAM_COLUMNS = Stream.concat(Stream.of("trial_id"), Stream.concat(
      Arm.COLUMNS.stream(), Stream.of("index", "file", "label", "predicted", "inner_mass", "border_mass"))).toList();

  /** A file's rows through one of the results readers; null, and a line in {@code missing}, when absent. */
  private static <T> T read(Path dir, String name, List<String> missing, FileReader<T> reader) {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      missing.add(name);
      return null;
    }
    try {
      return reader.read(file);
    } catch (CsvException | IllegalArgumentException e) {
      throw new ReportInputException(e.getMessage().startsWith(file.toString()) ? e.getMessage()
          : file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ReportInputException(file + ": cannot read CSV: " + e.getMessage(), e);
    }
  }

  private interface FileReader<T> {
    public T read(Path file) throws IOException;
  }

  private static <T> List<T> orEmpty(List<T> rows) {
    return rows == null ? List.of() : rows;
  }

  /** How many models plan.csv plans for each arm (by {@link Arm#key}); empty without plan.csv. */
  public Map<String, Integer> plannedModels() {
    Map<String, Integer> out = new java.util.HashMap<>();
    plan.forEach(p -> out.merge(p[3], 1, Integer::sum));
    return out;
  }

  /** The arms in order of first appearance in trials, predictions and ensembles. */
  public List<Arm> arms() {
    Set<Arm> arms = new LinkedHashSet<>();
    trials.forEach(t -> arms.add(t.arm()));
    predictions.forEach(p -> arms.add(p.arm()));
    ensemble.forEach(p -> arms.add(p.arm()));
    return List.copyOf(arms);
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

  private static <T> List<T> readCsv(Path dir, String name, List<String> columns, List<String> missing,
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
  public static Csv.Table table(Path file, List<String> columns) {
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
}
