package org.cxrlstm.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ThreadSettings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.data.BatchIterator;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageBatches;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.data.ImageSource;
import org.cxrlstm.data.ImageStore;
import org.cxrlstm.data.Normalization;
import org.cxrlstm.eval.ConfusionMatrix;
import org.cxrlstm.eval.Probabilities;
import org.cxrlstm.protocol.SavedModels;
import org.cxrlstm.report.Report;
import org.cxrlstm.results.TrialMetrics;
import org.cxrlstm.results.TrialRow;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.Compute;
import org.cxrlstm.train.ModelCard;
import org.cxrlstm.train.ModelStore;
import org.cxrlstm.train.Predictions;
import org.cxrlstm.train.TrainingSession;

/**
 * {@code -Dexperiment=evaluate -Dmodels=results/NAME/models -Ddata=DIR}: applies every saved fold
 * model, and each arm's fold ensemble, to an ImageFolder directory that was not used in training
 *, and writes {@code trials.csv}, {@code predictions.csv} and
 * {@code ensemble_predictions.csv} in the results formats of docs/results-format.md under
 * {@code results/NAME/external-<dirname>/} (or {@code -Dout}), then its tables, plots and report. Each model sees the images prepared
 * as in its training: its input size, normalisation and mask, from its model card. Classes absent
 * from the folder are allowed; an unknown class folder is refused by name.
 */
final class EvaluateExperiment implements Experiment {
  /** The trial setting columns of docs/results-format.md, filled from each model card's provenance. */
  static final List<String> SETTING_COLUMNS = Trial.COLUMNS;
  static final List<String> ARM_COLUMNS = Trial.ARM_COLUMNS;
  private static final int BATCH = 16;

  private final PrintStream out;

  EvaluateExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String description() {
    return "apply saved models (-Dmodels) and their ensembles to an image folder (-Ddata)";
  }

  @Override
  public Schema schema() {
    return Schema.of("evaluate",
        Keys.Key.of("models", ValueKind.text(), null, "a models/ folder of a sweep, or one SavedModel folder"),
        Keys.Key.of("data", ValueKind.text(), null, "an image folder with one subfolder per class"),
        Keys.Key.of("out", ValueKind.text(), "", "results folder written; blank = results/evaluate-<data folder name>"),
        Keys.get("cache.dir").withDefault(""), Keys.get("threads"));
  }

  @Override
  public void execute(Settings settings) throws Exception {
    Path modelsDir = Path.of(settings.string("models"));
    Path dataDir = Path.of(settings.string("data"));
    SavedModels models = SavedModels.open("models", modelsDir);
    if (!Files.isDirectory(dataDir)) {
      throw new SettingException("data", dataDir.toString(), "is not a directory");
    }
    List<String> problems = new ArrayList<>();
    Dataset dataset = Dataset.fromImageFolder(dataDir, models.classes(), problems);
    Path cache = settings.has("cache.dir") ? Path.of(settings.string("cache.dir")) : null;
    Map<Integer, ImageSource> decoded = new HashMap<>();
    if (dataset.size() > 0) {
      // decoded now, so that files that cannot be decoded are named together with the ones above
      int size = models.cards().get(0).spec().inputSize();
      try {
        decoded.put(size, ImageStore.load(dataset, size, cache));
      } catch (DataException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new DataException("bad image folder " + dataDir, problems);
    }
    if (dataset.size() == 0) {
      throw new SettingException("data", dataDir.toString(), "holds no images in class folders " + models.classes());
    }
    Path target = settings.has("out") ? Path.of(settings.string("out"))
        : modelsDir.toAbsolutePath().normalize().getParent()
            .resolve("external-" + dataDir.toAbsolutePath().normalize().getFileName());
    Files.createDirectories(target);
    out.printf(Locale.ROOT, "evaluate: %d model(s) on %d images of %s -> %s%n", models.size(), dataset.size(),
        dataDir, target);
    Compute compute = Compute.defaults().withThreads(ThreadSettings.threads(settings));
    List<TrialRow> trialRows = new ArrayList<>();
    List<List<String>> predictionRows = new ArrayList<>();
    Map<List<String>, List<List<Probabilities.Image>>> ensembles = new LinkedHashMap<>();
    int[] all = IntStream.range(0, dataset.size()).toArray();
    int[] labels = dataset.labels();
    for (int m = 0; m < models.size(); m++) {
      ModelCard card = models.cards().get(m);
      int size = card.spec().inputSize();
      ImageSource plain = decoded.computeIfAbsent(size, s -> load(dataset, s, cache));
      ImageSource images = SavedModels.mask(card).apply(plain);
      long start = System.nanoTime();
      Predictions p;
      try (TrainingSession session = ModelStore.load(models.dirs().get(m), compute);
          BatchIterator batches = ImageBatches.ordered(images, all, labels, BATCH,
              Normalization.parse(card.normalization()))) {
        p = session.evaluate(batches);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      List<String> settingsRow = settingCells(card, m);
      trialRows.add(trialRow(m, models.name(m), settingsRow, p, seconds, compute.threads(), models.classes()));
      for (int i = 0; i < p.count(); i++) {
        List<String> row = new ArrayList<>(List.of(models.name(m)));
        row.addAll(settingsRow);
        row.add("test");
        row.addAll(imageCells(dataset, p.indices()[i], models.classes()));
        row.add(models.classes().get(p.predicted(i)));
        for (float v : p.probabilities()[i]) {
          row.add(Float.toString(v));
        }
        predictionRows.add(row);
      }
      List<String> arm = ARM_COLUMNS.stream().map(c -> settingsRow.get(SETTING_COLUMNS.indexOf(c))).toList();
      List<Probabilities.Image> model = new ArrayList<>();
      for (int i = 0; i < p.count(); i++) {
        double[] probabilities = new double[p.probabilities()[i].length];
        for (int k = 0; k < probabilities.length; k++) {
          probabilities[k] = p.probabilities()[i][k];
        }
        model.add(new Probabilities.Image(p.indices()[i], probabilities));
      }
      ensembles.computeIfAbsent(arm, a -> new ArrayList<>()).add(model);
      out.printf(Locale.ROOT, "  %-28s accuracy %.3f on %d images (%.1f s)%n", models.name(m), p.accuracy(),
          p.count(), seconds);
    }
    write(target, dataset, models.classes(), trialRows, predictionRows, ensembles, settings);
    out.println("wrote " + target.resolve("predictions.csv") + " and ensemble_predictions.csv");
    out.println("wrote " + Report.write(target));
  }

  private static ImageSource load(Dataset dataset, int size, Path cache) {
    try {
      return ImageStore.load(dataset, size, cache);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The setting columns of model {@code m}, from its card; fold falls back to the model's position. */
  private static List<String> settingCells(ModelCard card, int m) {
    Map<String, String> prov = card.provenance();
    List<String> cells = new ArrayList<>();
    for (String c : SETTING_COLUMNS) {
      String v = switch (c) {
        case "arch" -> card.architecture().id();
        case "input_size" -> String.valueOf(card.spec().inputSize());
        case "mask" -> SavedModels.mask(card).id();
        case "fold" -> prov.getOrDefault("fold", String.valueOf(m + 1));
        default -> prov.getOrDefault(c, "");
      };
      cells.add(v);
    }
    return cells;
  }

  private static List<String> imageCells(Dataset dataset, int index, List<String> classes) {
    ImageEntry e = dataset.entry(index);
    return List.of(String.valueOf(index), e.file(), e.patientId(), classes.get(e.label()));
  }

  private static TrialRow trialRow(int m, String id, List<String> settings, Predictions p, double seconds,
      int threads, List<String> classes) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int c = 0; c < SETTING_COLUMNS.size(); c++) {
      columns.put(SETTING_COLUMNS.get(c), settings.get(c));
    }
    Map<String, String> results = new LinkedHashMap<>();
    results.put("test_accuracy", number(p.accuracy()));
    results.put("test_loss", number(p.loss()));
    results.put("test_n", String.valueOf(p.count()));
    results.put("seconds", String.format(Locale.ROOT, "%.2f", seconds));
    results.put("threads", String.valueOf(threads));
    int[] predicted = IntStream.range(0, p.count()).map(p::predicted).toArray();
    results.putAll(TrialMetrics.of(ConfusionMatrix.of(classes.size(), p.labels(), predicted), classes));
    return new TrialRow(m, id, columns, "done", results);
  }

  private static void write(Path target, Dataset dataset, List<String> classes, List<TrialRow> trialRows,
      List<List<String>> predictionRows, Map<List<String>, List<List<Probabilities.Image>>> ensembles,
      Settings settings) throws IOException {
    List<String> probs = classes.stream().map(c -> "p_" + c).toList();
    csv(target.resolve("trials.csv"), TrialRow.header(), trialRows.stream().map(TrialRow::cells).toList());
    csv(target.resolve("predictions.csv"), concat(List.of("trial_id"), SETTING_COLUMNS,
        concat(List.of("partition", "index", "file", "patient_id", "label", "predicted"), probs, List.of())),
        predictionRows);
    List<List<String>> ensembleRows = new ArrayList<>();
    for (Map.Entry<List<String>, List<List<Probabilities.Image>>> arm : ensembles.entrySet()) {
      for (Probabilities.Image mean : Probabilities.ensemble(arm.getValue())) {
        List<String> row = new ArrayList<>(arm.getKey());
        row.add(String.valueOf(arm.getValue().size()));
        row.addAll(imageCells(dataset, mean.index(), classes));
        row.add(classes.get(mean.predicted()));
        for (double v : mean.p()) {
          row.add(Float.toString((float) v));
        }
        ensembleRows.add(row);
      }
    }
    csv(target.resolve("ensemble_predictions.csv"), concat(ARM_COLUMNS,
        List.of("models", "index", "file", "patient_id", "label", "predicted"), probs), ensembleRows);
    java.util.Properties config = new java.util.Properties();
    config.setProperty("models", settings.string("models"));
    config.setProperty("data", settings.string("data"));
    config.setProperty("classes", String.join(",", classes));
    try (Writer w = Files.newBufferedWriter(target.resolve("experiment.properties"), StandardCharsets.UTF_8)) {
      config.store(w, "external evaluation of saved models (-Dexperiment=evaluate)");
    }
  }

  private static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
    Csv.write(file, header, rows);
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    out.addAll(c);
    return out;
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
