package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cxrlstm.eval.Bootstrap;
import org.junit.jupiter.api.Test;

/** Paired comparisons pair models by training seed and fold, and decide on the interval over training runs. */
class SweepsTest {
  private static final Arm CNN = new Arm(Map.of("arch", "cnn", "lstm_units", "0"));
  private static final Arm LSTM = new Arm(Map.of("arch", "cnn-lstm", "lstm_units", "64"));

  /** A model that gets the first {@code correct} of 4 test images right (every label is class 0). */
  private static List<Prediction> model(Arm arm, long seed, int fold, int correct) {
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int predicted = i < correct ? 0 : 1;
      double[] p = predicted == 0 ? new double[] {0.8, 0.1, 0.1} : new double[] {0.1, 0.8, 0.1};
      out.add(new Prediction(arm, fold, seed, i, "f" + i, "patient" + i, 0, predicted, p));
    }
    return out;
  }

  private static ArmEvaluation arm(Arm arm, int[][] seedFoldCorrect) {
    Map<ModelKey, List<Prediction>> models = new TreeMap<>();
    for (int[] m : seedFoldCorrect) {
      models.put(new ModelKey(m[0], m[1]), model(arm, m[0], m[1], m[2]));
    }
    return new ArmEvaluation(arm, models, ArmEvaluation.average(models), "test", new Bootstrap(1));
  }

  @Test
  void modelsArePairedBySeedAndFoldAndUnpairedModelsAreLeftOut() {
    ArmEvaluation a = arm(CNN, new int[][] {{42, 0, 2}, {42, 1, 3}, {43, 0, 2}, {43, 1, 4}});
    // seed 44 exists only for the CNN-LSTM: no partner, so not part of the comparison
    ArmEvaluation b = arm(LSTM, new int[][] {{42, 0, 3}, {42, 1, 3}, {43, 0, 4}, {43, 1, 4}, {44, 0, 0}});
    Sweeps.Paired p = Sweeps.compare(a, b, "arch", 63, 286.4);
    assertEquals(List.of(new ModelKey(42, 0), new ModelKey(42, 1), new ModelKey(43, 0), new ModelKey(43, 1)), p.models());
    // accuracies .5 .75 .5 1 (cnn) vs .75 .75 1 1 (cnn-lstm), in seed-then-fold order
    assertArrayEquals(new double[] {0.25, 0.0, 0.5, 0.0}, p.modelDiffs().differences(), 1e-12);
    assertEquals(0.1875, p.modelDiffs().mean(), 1e-12);
    // n_test is the images both arms predicted, n_train as given
    assertEquals(4, p.modelDiffs().testImages());
    assertEquals(286.4, p.modelDiffs().trainImages(), 0);
  }

  @Test
  void theVerdictUsesTheIntervalOverTrainingRunsAndStatesTheDetectableDifference() {
    ArmEvaluation a = arm(CNN, new int[][] {{42, 0, 2}, {42, 1, 3}, {43, 0, 2}, {43, 1, 4}});
    ArmEvaluation b = arm(LSTM, new int[][] {{42, 0, 3}, {42, 1, 3}, {43, 0, 4}, {43, 1, 4}});
    String v = Sweeps.compare(a, b, "arch", 63, 286.4).verdict("cnn", "cnn-lstm");
    assertTrue(v.contains("over 4 paired models"), v);
    assertTrue(v.contains("Nadeau-Bengio corrected"), v);
    assertTrue(v.contains("no difference detectable"), v);
    assertTrue(v.contains("Smallest difference this protocol detects with 80% power"), v);
    assertTrue(v.contains("test sampling only"), v);
  }

  @Test
  void splitSizesForTheCorrection() {
    List<SplitRow> split = new ArrayList<>();
    int index = 0;
    for (int i = 0; i < 10; i++) {
      split.add(new SplitRow(index++, "t" + i, 0, "p" + index, true, -1));
    }
    for (int i = 0; i < 50; i++) {
      split.add(new SplitRow(index++, "x" + i, 0, "p" + index, false, i % 5));
    }
    assertEquals(10, Checks.testImages(split));
    // 50 training images in 5 folds: each model trains on 4 folds = 40 images
    assertEquals(40.0, Checks.trainImages(split), 1e-12);
  }
}
