package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ModelKey;
import org.cxrlstm.report.input.Prediction;
import org.cxrlstm.report.input.SplitRow;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.cxrlstm.report.stats.Sweeps;
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
    // differences .25 0 .5 0: mean .1875, sd sqrt(.171875 / 3) = .239357; n_test 4 (images both predicted)
    // se = .239357 * sqrt(1/4 + 4/286.4) = .122976; t(.975, 3) = 3.182446 -> ± .391365: [-.2039, .5789]
    // t = .1875 / .122976 = 1.524689; two-sided p with 3 df .224741 (closed form in twoSidedPStudent3)
    assertTrue(v.contains("mean accuracy difference over 4 paired models +18.8 [-20.4, +57.9] points "
        + "(95% CI over training runs, Nadeau-Bengio corrected; p = 0.225): no difference detectable."), v);
    assertEquals(0.224741, twoSidedPStudent3(0.1875 / 0.12297593101472559), 1e-6);
    // (t(.975, 3) + t(.8, 3)) * se = (3.182446 + .978472) * .122976 = .511693
    assertTrue(v.contains("Smallest difference this protocol detects with 80% power: 51.2 points."), v);
    assertTrue(v.contains("test sampling only"), v);
  }

  /** P(|T| > t) for Student t with 3 degrees of freedom: F(t) = 1/2 + (x / (1 + x²) + atan x) / π, x = t / √3. */
  private static double twoSidedPStudent3(double t) {
    double x = Math.abs(t) / Math.sqrt(3);
    return 2 * (0.5 - (x / (1 + x * x) + Math.atan(x)) / Math.PI);
  }

  /** A model right on the images where {@code right} is true (every label is class 0). */
  private static List<Prediction> rightOn(Arm arm, long seed, int fold, boolean... right) {
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < right.length; i++) {
      double[] p = right[i] ? new double[] {0.8, 0.1, 0.1} : new double[] {0.1, 0.8, 0.1};
      out.add(new Prediction(arm, fold, seed, i, "f" + i, "patient" + i, 0, right[i] ? 0 : 1, p));
    }
    return out;
  }

  /** One model per pattern (seed 7, folds 0, 1, ...); the ensemble is their mean, so with three the majority decides. */
  private static ArmEvaluation foldModels(Arm arm, boolean[]... right) {
    Map<ModelKey, List<Prediction>> models = new TreeMap<>();
    for (int f = 0; f < right.length; f++) {
      models.put(new ModelKey(7, f), rightOn(arm, 7, f, right[f]));
    }
    return new ArmEvaluation(arm, models, ArmEvaluation.average(models), "test", new Bootstrap(3, 200));
  }

  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void ensemblesAndTheBootstrapPointsOfAPair() {
    // CNN per image: fold 0 TTFFF, fold 1 TFTFF, fold 2 TTTFF -> majority TTTFF (3 of 5)
    ArmEvaluation a = foldModels(CNN, new boolean[] {T, T, F, F, F}, new boolean[] {T, F, T, F, F},
        new boolean[] {T, T, T, F, F});
    // CNN-LSTM: TTTTF, FTTTT, TTTFT -> majority TTTTT (5 of 5)
    ArmEvaluation b = foldModels(LSTM, new boolean[] {T, T, T, T, F}, new boolean[] {F, T, T, T, T},
        new boolean[] {T, T, T, F, T});
    Sweeps.Paired p = Sweeps.compare(a, b, "arch", 5, 20);
    // per model: 4/5 - 2/5, 4/5 - 2/5, 4/5 - 3/5
    assertArrayEquals(new double[] {0.4, 0.4, 0.2}, p.modelDiffs().differences(), 1e-12);
    // the bootstrap holds the models fixed: its point is the mean difference (.4 + .4 + .2) / 3
    assertEquals(1 / 3.0, p.bootstrapDiff().value(), 1e-12);
    // ensembles: images 3 and 4 only CNN-LSTM right, none only CNN: exact p = 2 * P(X <= 0 | n 2) = 2 / 4
    assertEquals(0, p.mcnemar().onlyFirstCorrect());
    assertEquals(2, p.mcnemar().onlySecondCorrect());
    assertEquals(0.5, p.mcnemar().p(), 1e-12);
    assertEquals(5, p.images());
    assertEquals(1.0 - 0.6, p.ensembleDiff().value(), 1e-12);
    // Wilson 5 of 5 [.565518, 1] and 3 of 5 [.230724, .882379]
    String v = p.verdict("cnn", "cnn-lstm");
    assertTrue(v.contains("Ensembles 100.0 [56.6, 100.0] vs 60.0 [23.1, 88.2], exact McNemar p = 0.5000 "
        + "(2 images only cnn-lstm right, 0 only cnn right; test sampling only)."), v);
  }

  @Test
  void imagesNotPredictedByEveryPairedModelAreLeftOut() {
    ArmEvaluation a = foldModels(CNN, new boolean[] {T, F, F, F}, new boolean[] {T, T, F, F});
    // the CNN-LSTM's fold 1 has no prediction for image 3: images 0..2 remain for every pair
    Map<ModelKey, List<Prediction>> models = new TreeMap<>();
    models.put(new ModelKey(7, 0), rightOn(LSTM, 7, 0, T, T, F, T));
    models.put(new ModelKey(7, 1), rightOn(LSTM, 7, 1, T, T, T));
    ArmEvaluation b = new ArmEvaluation(LSTM, models, ArmEvaluation.average(models), "test", new Bootstrap(3, 200));
    Sweeps.Paired p = Sweeps.compare(a, b, "arch", 4, 20);
    // on images 0..2: fold 0 2/3 - 1/3, fold 1 3/3 - 2/3 (on all four images fold 0 would be 3/4 - 1/4)
    assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0}, p.modelDiffs().differences(), 1e-12);
    assertEquals(3, p.modelDiffs().testImages());
  }

  @Test
  void aDifferenceOnEveryImageGivesAZeroWidthBootstrapInterval() {
    ArmEvaluation a = foldModels(CNN, new boolean[] {F, F, F}, new boolean[] {F, F, F}, new boolean[] {F, F, F});
    ArmEvaluation b = foldModels(LSTM, new boolean[] {T, T, T}, new boolean[] {T, T, T}, new boolean[] {T, T, T});
    Sweeps.Paired p = Sweeps.compare(a, b, "arch", 3, 20);
    // every resample of images has b right and a wrong on every image: 1 in each replicate
    assertEquals("+100.0 [+100.0, +100.0]", Sweeps.points(p.ensembleDiff()));
    assertEquals("+100.0 [+100.0, +100.0]", Sweeps.points(p.bootstrapDiff()));
    // exact McNemar with 3 discordant images, all one way: 2 * (1/2)^3
    assertEquals(0.25, p.mcnemar().p(), 1e-12);
  }

  @Test
  void meanDiffAveragesTheModelsAccuracyDifferencesOnTheDrawnImages() {
    boolean[][] a = {{T, F, F}, {T, T, F}};
    boolean[][] b = {{T, T, F}, {T, T, T}};
    // all images: model 0 (2 - 1) / 3, model 1 (3 - 2) / 3 -> 1/3
    assertEquals(1 / 3.0, Sweeps.meanDiff(a, b, new int[] {0, 1, 2}), 1e-12);
    // images 1, 1, 2: model 0 (1 + 1 + 0 - 0) / 3 = 2/3, model 1 (3 - 2) / 3 = 1/3 -> 1/2
    assertEquals(0.5, Sweeps.meanDiff(a, b, new int[] {1, 1, 2}), 1e-12);
    assertTrue(Double.isNaN(Sweeps.meanDiff(a, b, new int[0])));
  }

  @Test
  void pointsArePercentagePointsWithSign() {
    assertEquals("+18.8 [-20.0, +57.5]", Sweeps.points(new Estimate(0.1875, -0.2, 0.575)));
    assertEquals("-5.0", Sweeps.points(new Estimate(-0.05, Double.NaN, Double.NaN)));
    assertEquals("n/a", Sweeps.points(Estimate.UNDEFINED));
  }

  @Test
  void variedColumnsAndPairsIgnoreTheCnnsLstmUnits() {
    Arm cnnSlow = new Arm(Map.of("arch", "cnn", "lstm_units", "0", "learning_rate", "0.0001"));
    Arm cnnFast = new Arm(Map.of("arch", "cnn", "lstm_units", "0", "learning_rate", "0.001"));
    Arm lstm64 = new Arm(Map.of("arch", "cnn-lstm", "lstm_units", "64", "learning_rate", "0.0001"));
    Arm lstm16 = new Arm(Map.of("arch", "cnn-lstm", "lstm_units", "16", "learning_rate", "0.001"));
    assertEquals(List.of("arch"), Sweeps.variedColumns(List.of(cnnSlow, lstm64)));
    assertEquals(List.of("arch", "learning_rate", "lstm_units"),
        Sweeps.variedColumns(List.of(cnnSlow, cnnFast, lstm64, lstm16)));
    List<ArmEvaluation> arms = new ArrayList<>();
    for (Arm arm : List.of(cnnSlow, cnnFast, lstm64, lstm16)) {
      arms.add(foldModels(arm, new boolean[] {T, F}, new boolean[] {T, T}, new boolean[] {F, F}));
    }
    // one setting apart: slow-fast (lr), slow-64 (arch), fast-16 (arch); 64-16 differ in lr and units
    List<Sweeps.Paired> pairs = Sweeps.pairs(arms, 2, 8.0);
    assertEquals(List.of("cnn 0.0001 cnn 0.001 learning_rate", "cnn 0.0001 cnn-lstm 0.0001 arch",
        "cnn 0.001 cnn-lstm 0.001 arch"), pairs.stream().map(p -> p.first().arm().arch() + " "
        + p.first().arm().get("learning_rate") + " " + p.second().arm().arch() + " "
        + p.second().arm().get("learning_rate") + " " + p.setting()).toList());
    // identical models in every arm: every difference 0, and the split sizes are passed on
    assertArrayEquals(new double[] {0, 0, 0}, pairs.get(0).modelDiffs().differences(), 0);
    assertEquals(8.0, pairs.get(0).modelDiffs().trainImages(), 0);
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
