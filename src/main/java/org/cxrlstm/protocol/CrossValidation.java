package org.cxrlstm.protocol;

import java.io.IOException;
import java.io.PrintStream;
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
import org.cxrlstm.data.image.Augmentation;
import org.cxrlstm.data.image.BatchIterator;
import org.cxrlstm.data.image.ImageBatches;
import org.cxrlstm.data.image.ImageSource;
import org.cxrlstm.data.image.Mask;
import org.cxrlstm.data.image.Normalization;
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
import org.cxrlstm.split.Split;
import org.cxrlstm.train.Compute;
import org.cxrlstm.train.History;
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
 * The paper's protocol (section 4.1), one fold model per trial:
 * <ol>
 *   <li>Split: a stratified hold-out of {@code test.fraction} (the paper's 15%) is the test set, made
 *       once per experiment with patients kept on one side ({@link ExperimentData#split}).</li>
 *   <li>Folds: the rest is cut into {@code folds} (the paper's 5); fold k validates, the others train.</li>
 *   <li>Train: a fresh model learns from the training folds, augmented, with Adam.</li>
 *   <li>Select: training stops when the validation loss stops falling; the best epoch's weights are kept.
 *       Nothing here looks at the test set.</li>
 *   <li>Evaluate: the kept model predicts the validation fold and the held-out test set.</li>
 * </ol>
 * The arm's fold models are then averaged into its ensemble when the results are merged.
 */
public final class CrossValidation implements TrialTraining {
  private final Settings settings;
  private final ResultsLayout layout;
  private final ExperimentData data;
  private final PrintStream out;

  private CrossValidation(Settings settings, ResultsLayout layout, ExperimentData data, PrintStream out) {
    this.settings = settings;
    this.layout = layout;
    this.data = data;
    this.out = out;
  }

  /** Steps 1 and 2 for this process: the dataset, its split into test set and folds, the decoded images. */
  public static TrialTraining open(Settings s, ResultsLayout layout, Plan plan, PrintStream out) throws IOException {
    OneDnnSettings.require(s, System.getenv());
    ExperimentData data = ExperimentData.load(s, layout, out);
    Environment.write(layout, s, plan.size(), data.dataset());
    return new CrossValidation(s, layout, data, out);
  }

  @Override
  public Map<String, String> run(Trial trial, Path dir) throws Exception {
    return run(trial, dir, new TrainingListener() {});
  }

  @Override
  public Map<String, String> run(Trial trial, Path dir, TrainingListener progress) throws Exception {
    Split split = data.split();
    Fold fold = split.fold(trial.fold());
    ImageSource images = Mask.parse(trial.mask()).apply(data.images());
    Normalization normalization = Normalization.parse(settings.string("normalization"));
    FoldData foldData = new FoldData(images, fold.train(), data.dataset().labels(fold.train()), fold.validation(),
        data.dataset().labels(fold.validation()), trial.batchSize(), augmentation(trial), normalization,
        trial.trainingSeed());
    ModelSpec spec = spec(trial, data.dataset().classes().size(), Initializer.parse(settings.string("init")));
    Precision.Choice precision = Precision.choose(trial.precision(), Precision.cpuFlags(), false);
    int threads = ThreadSettings.threads(settings);
    Compute compute = new Compute(threads, precision.precision(), settings.integer("inter.threads"),
        settings.bool("xla", false));
    // step 4's rule: stop after `patience` epochs without a lower validation loss, keep the best weights
    TrainConfig config = new TrainConfig(trial.learningRate(), trial.batchSize(), trial.epochs(),
        settings.integer("patience"), trial.trainingSeed())
        .withLrDecay(settings.real("lr.decay.factor"), settings.integer("lr.decay.patience"));
    Map<String, String> result = new LinkedHashMap<>();
    try (TrainingSession session = TrainingSession.forTraining(trial.architecture(), spec, trial.learningRate(),
            trial.trainingSeed(), compute);
        Csv.Appender epochs = EpochRow.append(dir.resolve("epochs.csv"));
        TensorBoardEvents events = settings.bool("tensorboard", true)
            ? TensorBoardEvents.open(layout.tensorboard(trial.id())) : null) {
      List<TrainingListener> listeners = new ArrayList<>(List.of(new TrainingLog.Rows(trial, epochs),
          new TrainingLog.Lines(trial, out), progress));
      if (events != null) {
        listeners.add(events);
      }
      // steps 3 and 4: train on the other folds, select on this fold's validation loss
      History history = new Trainer(config, spec.dropout(), listeners).fit(session, foldData,
          checkpoint(trial, dir.resolve(ResultsLayout.CHECKPOINT)));
      // step 5: the selected weights on the validation fold, then on the held-out test set
      Predictions validation = predict(session, images, fold.validation(), trial, normalization);
      Predictions test = predict(session, images, split.test(), trial, normalization);
      List<PredictionRow> rows = new ArrayList<>(
          PredictionRow.of(trial.id(), trial.settings(), PredictionRow.TEST, test, data.dataset()));
      rows.addAll(PredictionRow.of(trial.id(), trial.settings(), PredictionRow.VALIDATION, validation, data.dataset()));
      PredictionRow.write(dir.resolve("predictions.csv"), data.dataset().classes(), rows);
      if (settings.bool("save.models", false)) {
        ModelStore.save(session, SavedModels.card(trial, spec, normalization, data.dataset()), layout.model(trial.id()));
      }
      int camSamples = settings.integer("gradcam.samples", 0);
      if (camSamples > 0) {
        // after saving, so the exported graph carries no gradient ops
        TrialGradCam.write(trial, dir, session, data.dataset(), images, normalization, test, camSamples);
      }
      result.put("best_epoch", String.valueOf(history.bestEpoch()));
      result.put("epochs_run", String.valueOf(history.epochs().size()));
      result.put("stopped_early", String.valueOf(history.stoppedEarly()));
      result.put("val_accuracy", TrialFiles.number(history.best().validationAccuracy()));
      result.put("val_loss", TrialFiles.number(history.best().validationLoss()));
      result.put("test_accuracy", TrialFiles.number(test.accuracy()));
      result.put("test_loss", TrialFiles.number(test.loss()));
      result.put("test_n", String.valueOf(test.count()));
      out.printf(Locale.ROOT, "   %s: best epoch %d of %d, val acc %.3f, test acc %.3f (n=%d)%n", trial.id(),
          history.bestEpoch(), history.epochs().size(), history.best().validationAccuracy(), test.accuracy(),
          test.count());
    }
    result.put("threads", String.valueOf(threads));
    result.put("precision_resolved", precision.precision().id());
    result.put("precision_reason", precision.reason());
    return result;
  }

  /** Training images only are augmented (section 3.1), with the experiment's ranges. */
  private Augmentation augmentation(Trial trial) {
    return trial.augment()
        ? new Augmentation(settings.real("augment.rotation"), settings.real("augment.shift"),
            settings.real("augment.zoom"), settings.bool("augment.flip", false))
        : Augmentation.NONE;
  }

  /** The model's class probabilities for images {@code which}, in order, without augmentation. */
  private Predictions predict(TrainingSession session, ImageSource images, int[] which, Trial trial,
      Normalization normalization) throws IOException {
    try (BatchIterator batches = ImageBatches.ordered(images, which, data.dataset().labels(which), trial.batchSize(),
        normalization)) {
      return session.evaluate(batches);
    }
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
}
