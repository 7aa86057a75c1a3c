package org.cxrlstm.protocol;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrlstm.config.OneDnnSettings;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ThreadSettings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.data.Augmentation;
import org.cxrlstm.data.BatchIterator;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageBatches;
import org.cxrlstm.data.ImageSource;
import org.cxrlstm.data.Mask;
import org.cxrlstm.data.Normalization;
import org.cxrlstm.model.Initializer;
import org.cxrlstm.model.ModelSpec;
import org.cxrlstm.results.Environment;
import org.cxrlstm.results.EpochRow;
import org.cxrlstm.results.PredictionRow;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.results.TrialFiles;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.split.Fold;
import org.cxrlstm.train.Compute;
import org.cxrlstm.train.EpochRecord;
import org.cxrlstm.train.History;
import org.cxrlstm.train.ModelCard;
import org.cxrlstm.train.ModelStore;
import org.cxrlstm.train.Precision;
import org.cxrlstm.train.Predictions;
import org.cxrlstm.train.TensorBoardEvents;
import org.cxrlstm.train.TrainConfig;
import org.cxrlstm.train.Trainer;
import org.cxrlstm.train.TrainingCheckpoint;
import org.cxrlstm.train.TrainingListener;
import org.cxrlstm.train.TrainingSession;

/**
 * The paper's fold protocol for one trial (section 4.1 and docs/results-format.md, "Protocol"): a
 * fresh model trains on the other folds, early-stops on its own fold with the best weights
 * restored, and is evaluated on the shared held-out test set.
 */
public final class FoldTraining implements TrialTraining {
  private final Settings settings;
  private final ResultsLayout layout;
  private final ExperimentData data;
  private final PrintStream out;

  private FoldTraining(Settings settings, ResultsLayout layout, ExperimentData data, PrintStream out) {
    this.settings = settings;
    this.layout = layout;
    this.data = data;
    this.out = out;
  }

  /** Loads dataset, split and images once for this process and records the environment. */
  public static TrialTraining open(Settings s, ResultsLayout layout, Plan plan, PrintStream out) throws IOException {
    OneDnnSettings.require(s, System.getenv());
    ExperimentData data = ExperimentData.load(s, layout, out);
    Environment.write(layout, s, plan.size(), data.dataset());
    return new FoldTraining(s, layout, data, out);
  }

  @Override
  public Map<String, String> run(Trial trial, Path dir) throws Exception {
    return run(trial, dir, new TrainingListener() {});
  }

  @Override
  public Map<String, String> run(Trial trial, Path dir, TrainingListener progress) throws Exception {
    Dataset dataset = data.dataset();
    Fold fold = data.split().fold(trial.fold());
    int[] test = data.split().test();
    Normalization normalization = Normalization.parse(settings.string("normalization"));
    Augmentation augmentation = trial.augment()
        ? new Augmentation(settings.real("augment.rotation"), settings.real("augment.shift"),
            settings.real("augment.zoom"), settings.bool("augment.flip", false))
        : Augmentation.NONE;
    ImageSource images = Mask.parse(trial.mask()).apply(data.images());
    FoldData foldData = new FoldData(images, fold.train(), dataset.labels(fold.train()), fold.validation(),
        dataset.labels(fold.validation()), trial.batchSize(), augmentation, normalization, trial.trainingSeed());
    ModelSpec spec = spec(trial, dataset.classes().size(), Initializer.parse(settings.string("init")));
    Precision.Choice precision = Precision.choose(trial.precision(), Precision.cpuFlags(), false);
    int threads = ThreadSettings.threads(settings);
    Compute compute = new Compute(threads, precision.precision(), settings.integer("inter.threads"),
        settings.bool("xla", false));
    TrainConfig config = new TrainConfig(trial.learningRate(), trial.batchSize(), trial.epochs(),
        settings.integer("patience"), trial.trainingSeed())
        .withLrDecay(settings.real("lr.decay.factor"), settings.integer("lr.decay.patience"));
    Map<String, String> result = new LinkedHashMap<>();
    try (TrainingSession session = TrainingSession.forTraining(trial.architecture(), spec, trial.learningRate(),
            trial.trainingSeed(), compute);
        Csv.Appender epochs = EpochRow.append(dir.resolve("epochs.csv"));
        TensorBoardEvents events = settings.bool("tensorboard", true)
            ? TensorBoardEvents.open(layout.tensorboard(trial.id())) : null) {
      List<TrainingListener> listeners = new ArrayList<>(List.of(new EpochRows(trial, epochs), new EpochLine(trial, out),
          progress));
      if (events != null) {
        listeners.add(events);
      }
      History history = new Trainer(config, spec.dropout(), listeners).fit(session, foldData,
          checkpoint(trial, dir.resolve(ResultsLayout.CHECKPOINT)));
      // the fold's validation images with the restored best weights, then the held-out test set
      Predictions validation;
      try (BatchIterator batches = ImageBatches.ordered(images, fold.validation(), dataset.labels(fold.validation()),
          trial.batchSize(), normalization)) {
        validation = session.evaluate(batches);
      }
      Predictions p;
      try (BatchIterator batches = ImageBatches.ordered(images, test, dataset.labels(test),
          trial.batchSize(), normalization)) {
        p = session.evaluate(batches);
      }
      writePredictions(trial, dir, Map.of(PredictionRow.TEST, p, PredictionRow.VALIDATION, validation));
      if (settings.bool("save.models", false)) {
        ModelStore.save(session, card(trial, spec, normalization), layout.model(trial.id()));
      }
      int camSamples = settings.integer("gradcam.samples", 0);
      if (camSamples > 0) {
        // after saving, so the exported graph carries no gradient ops
        TrialGradCam.write(trial, dir, session, dataset, images, normalization, p, camSamples);
      }
      result.put("best_epoch", String.valueOf(history.bestEpoch()));
      result.put("epochs_run", String.valueOf(history.epochs().size()));
      result.put("stopped_early", String.valueOf(history.stoppedEarly()));
      result.put("val_accuracy", TrialFiles.number(history.best().validationAccuracy()));
      result.put("val_loss", TrialFiles.number(history.best().validationLoss()));
      result.put("test_accuracy", TrialFiles.number(p.accuracy()));
      result.put("test_loss", TrialFiles.number(p.loss()));
      result.put("test_n", String.valueOf(p.count()));
      out.printf(Locale.ROOT, "   %s: best epoch %d of %d, val acc %.3f, test acc %.3f (n=%d)%n", trial.id(),
          history.bestEpoch(), history.epochs().size(), history.best().validationAccuracy(), p.accuracy(), p.count());
    }
    result.put("threads", String.valueOf(threads));
    result.put("precision_resolved", precision.precision().id());
    result.put("precision_reason", precision.reason());
    return result;
  }

  /**
   * Checkpoints of the trial in its partial folder. With dropout, TensorFlow's dropout generator
   * has a state that cannot be saved, so a checkpoint would not resume the same run: such a trial
   * starts again from epoch 1 (checkpoints are still written on SIGTERM, which stops it cleanly).
   */
  private TrainingCheckpoint checkpoint(Trial trial, Path dir) throws IOException {
    if (trial.dropout() > 0 && TrainingCheckpoint.describe(dir, trial.id()).isPresent()) {
      out.println("   " + trial.id() + ": dropout " + trial.dropout() + " cannot resume exactly; starting from epoch 1");
      AtomicFiles.deleteRecursively(dir);
    }
    return new TrainingCheckpoint(dir, trial.id(), settings.integer("checkpoint.every"), StopRequest::requested);
  }

  static ModelSpec spec(Trial trial, int classes, Initializer init) {
    return ModelSpec.cpuBaseline()
        .withInputSize(trial.inputSize())
        .withWidth(trial.width())
        .withLstmUnits(trial.lstmUnits() > 0 ? trial.lstmUnits() : ModelSpec.LSTM_UNITS_DEFAULT)
        .withDropout(trial.dropout())
        .withClasses(classes)
        .withInit(init);
  }

  private ModelCard card(Trial trial, ModelSpec spec, Normalization normalization) {
    Map<String, String> provenance = new LinkedHashMap<>(trial.settings());
    provenance.put("trial_id", trial.id());
    provenance.put("dataset_hash", data.dataset().contentHash());
    return new ModelCard(trial.architecture(), spec, data.dataset().classes(), normalization.id(), provenance);
  }

  /** predictions.csv: the test rows, then the validation rows, each with its partition. */
  private void writePredictions(Trial trial, Path dir, Map<String, Predictions> byPartition) throws IOException {
    List<PredictionRow> rows = new ArrayList<>();
    for (String partition : List.of(PredictionRow.TEST, PredictionRow.VALIDATION)) {
      rows.addAll(PredictionRow.of(trial.id(), trial.settings(), partition, byPartition.get(partition), data.dataset()));
    }
    PredictionRow.write(dir.resolve("predictions.csv"), data.dataset().classes(), rows);
  }

  /** epochs.csv rows as training goes. */
  private record EpochRows(Trial trial, Csv.Appender csv) implements TrainingListener {
    @Override
    public void onEpochEnd(EpochRecord r) {
      try {
        csv.row(EpochRow.of(trial, r).cells());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One console line per epoch. */
  private record EpochLine(Trial trial, PrintStream out) implements TrainingListener {
    @Override
    public void onEpochEnd(EpochRecord r) {
      out.printf(Locale.ROOT, "   %s epoch %3d/%d  train loss %.4f acc %.3f | val loss %.4f acc %.3f | lr %.2g | %.1f s%n",
          trial.id(), r.epoch(), trial.epochs(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
          r.validationAccuracy(), r.learningRateNow(), r.seconds());
    }
  }
}
