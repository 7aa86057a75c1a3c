package org.cxrlstm.protocol;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.EpochRow;
import org.cxrlstm.results.PredictionRow;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.DivergenceException;
import org.cxrlstm.train.EpochRecord;

/**
 * Training without TensorFlow for the bookkeeping tests: writes epochs.csv and predictions.csv
 * (test rows, then validation rows) with numbers drawn from the trial's seed, so equal trials give equal files. Trials listed in
 * {@code failing} throw, those in {@code diverging} diverge.
 */
public final class FakeTraining implements TrialTraining {
  public static final List<String> CLASSES = List.of("covid", "pneumonia", "normal");
  public static final int TEST_IMAGES = 6;
  public static final int VALIDATION_IMAGES = 3;

 public  final AtomicInteger calls = new AtomicInteger();
  public final List<String> failing = new ArrayList<>();
  public final List<String> diverging = new ArrayList<>();

  @Override
  public Map<String, String> run(Trial trial, Path dir) throws Exception {
    calls.incrementAndGet();
    if (failing.contains(trial.id())) {
      throw new IOException("disk full (simulated)");
    }
    Random random = new Random(trial.trainingSeed() ^ trial.id().hashCode());
    try (Csv.Appender epochs = EpochRow.append(dir.resolve("epochs.csv"))) {
      for (int e = 1; e <= trial.epochs(); e++) {
        epochs.row(EpochRow.of(trial, new EpochRecord(e, random.nextDouble(), random.nextDouble(), random.nextDouble(),
            random.nextDouble(), trial.learningRate(), 0.1)).cells());
      }
    }
    if (diverging.contains(trial.id())) {
      throw new DivergenceException(1, 1, Float.NaN, trial.learningRate());
    }
    int correct = 0;
    List<PredictionRow> rows = new ArrayList<>();
    {
      for (int i = 0; i < TEST_IMAGES + VALIDATION_IMAGES; i++) {
        boolean test = i < TEST_IMAGES;
        float[] probs = {random.nextFloat(), random.nextFloat(), random.nextFloat()};
        float sum = probs[0] + probs[1] + probs[2];
        int best = 0;
        for (int k = 0; k < 3; k++) {
          probs[k] /= sum;
          best = probs[k] > probs[best] ? k : best;
        }
        correct += test && best == i % 3 ? 1 : 0;
        rows.add(new PredictionRow(trial.id(), trial.settings(), test ? "test" : "validation", (test ? 100 : 200) + i,
            CLASSES.get(i % 3) + "/img" + i + ".png", "p" + i, CLASSES.get(i % 3), CLASSES.get(best),
            new double[] {probs[0], probs[1], probs[2]}));
      }
    }
    PredictionRow.write(dir.resolve("predictions.csv"), CLASSES, rows);
    Map<String, String> result = new LinkedHashMap<>();
    result.put("best_epoch", String.valueOf(trial.epochs()));
    result.put("epochs_run", String.valueOf(trial.epochs()));
    result.put("stopped_early", "false");
    result.put("val_accuracy", "0.5");
    result.put("val_loss", "1.0");
    result.put("test_accuracy", String.valueOf((double) correct / TEST_IMAGES));
    result.put("test_loss", "1.1");
    result.put("test_n", String.valueOf(TEST_IMAGES));
    result.put("threads", "1");
    return result;
  }
}
