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
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.image.BatchIterator;
import org.cxrlstm.data.image.ImageBatches;
import org.cxrlstm.data.image.ImageSource;
import org.cxrlstm.data.image.ImageStore;
import org.cxrlstm.data.image.Normalization;
import org.cxrlstm.eval.ConfusionMatrix;
import org.cxrlstm.protocol.SavedModels;
import org.cxrlstm.report.Report;
import org.cxrlstm.results.EnsembleRow;
import org.cxrlstm.results.PredictionRow;
import org.cxrlstm.results.TrialFiles;
import org.cxrlstm.results.TrialMetrics;
import org.cxrlstm.results.TrialRow;
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
    List<PredictionRow> predictionRows = new ArrayList<>();
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
      Map<String, String> settingsRow = settings(card, m);
      trialRows.add(trialRow(m, models.name(m), settingsRow, p, seconds, compute.threads(), models.classes()));
      predictionRows.addAll(PredictionRow.of(models.name(m), settingsRow, PredictionRow.TEST, p, dataset));
      out.printf(Locale.ROOT, "  %-28s accuracy %.3f on %d images (%.1f s)%n", models.name(m), p.accuracy(),
          p.count(), seconds);
    }
    List<String> classes = models.classes();
    TrialRow.write(target.resolve("trials.csv"), trialRows);
    PredictionRow.write(target.resolve("predictions.csv"), classes, predictionRows);
    EnsembleRow.write(target.resolve("ensemble_predictions.csv"), classes, EnsembleRow.of(predictionRows, classes));
    java.util.Properties config = new java.util.Properties();
    config.setProperty("models", settings.string("models"));
    config.setProperty("data", settings.string("data"));
    config.setProperty("classes", String.join(",", classes));
    try (Writer w = Files.newBufferedWriter(target.resolve("experiment.properties"), StandardCharsets.UTF_8)) {
      config.store(w, "external evaluation of saved models (-Dexperiment=evaluate)");
    }
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
  private static Map<String, String> settings(ModelCard card, int m) {
    Map<String, String> prov = card.provenance();
    Map<String, String> cells = new LinkedHashMap<>();
    for (String c : Trial.COLUMNS) {
      String v = switch (c) {
        case "arch" -> card.architecture().id();
        case "input_size" -> String.valueOf(card.spec().inputSize());
        case "mask" -> SavedModels.mask(card).id();
        case "fold" -> prov.getOrDefault("fold", String.valueOf(m + 1));
        default -> prov.getOrDefault(c, "");
      };
      cells.put(c, v);
    }
    return cells;
  }

  private static TrialRow trialRow(int m, String id, Map<String, String> settings, Predictions p, double seconds,
      int threads, List<String> classes) {
    Map<String, String> results = new LinkedHashMap<>();
    results.put("test_accuracy", TrialFiles.number(p.accuracy()));
    results.put("test_loss", TrialFiles.number(p.loss()));
    results.put("test_n", String.valueOf(p.count()));
    results.put("seconds", String.format(Locale.ROOT, "%.2f", seconds));
    results.put("threads", String.valueOf(threads));
    int[] predicted = IntStream.range(0, p.count()).map(p::predicted).toArray();
    results.putAll(TrialMetrics.of(ConfusionMatrix.of(classes.size(), p.labels(), predicted), classes));
    return new TrialRow(m, id, settings, "done", results);
  }

}
