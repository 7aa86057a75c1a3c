package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.eval.Estimate;
import org.cxrlstm.eval.Roc;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.ModelKey;
import org.cxrlstm.report.input.Prediction;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numbers of one arm's evaluation, checked on {@link SixImages} by hand. */
class ArmEvaluationTest {
  private static final double EPS = 1e-12;
  private static final Arm CNN = SixImages.arm("cnn");
  private static final Arm LSTM = SixImages.arm("cnn-lstm");

  @TempDir
  Path tmp;

  private static void assertEstimate(double value, double low, double high, Estimate e) {
    assertEquals(value, e.value(), 1e-9, "value of " + e);
    assertEquals(low, e.low(), 1e-9, "low of " + e);
    assertEquals(high, e.high(), 1e-9, "high of " + e);
  }

  private static Results results(List<Prediction> predictions, List<Prediction> ensemble) {
    return new Results(Path.of("unused"), new Properties(), new Properties(), List.of(), List.of(), List.of(),
        predictions, ensemble, List.of(), List.of(), List.of(), ClassNames.PAPER);
  }

  @Test
  void theEnsembleIsTheMeanProbabilityOfTheFoldModels() {
    List<Prediction> mean = ArmEvaluation.average(SixImages.models(CNN));
    // image 5: (.3 + .8) / 2 = .55, (.1 + .1) / 2 = .1, (.6 + .1) / 2 = .35, so covid: wrong
    for (int i = 0; i < 6; i++) {
      assertArrayEquals(SixImages.ENSEMBLE[i], mean.get(i).probabilities(), EPS, "image " + i);
      assertEquals(SixImages.ENSEMBLE_PREDICTED[i], mean.get(i).predicted(), "image " + i);
      assertEquals(SixImages.LABELS[i], mean.get(i).label());
      assertEquals(i, mean.get(i).index());
      assertEquals(Prediction.ENSEMBLE, mean.get(i).fold());
      assertEquals(SixImages.PATIENTS[i], mean.get(i).patientId());
    }
  }

  @Test
  void anImageOnlySomeModelsPredictedIsTheMeanOfThoseModels() {
    Map<ModelKey, List<Prediction>> models = new TreeMap<>(SixImages.models(CNN));
    // a third model that saw image 2 only: (.1 + .3 + .5) / 3 = .3, (.85 + .6 + .2) / 3 = .55, (.05 + .1 + .3) / 3 = .15
    models.put(new ModelKey(42, 2), List.of(new Prediction(CNN, 2, 42, 2, "img2.png", "pb", 1, 0,
        new double[] {.5, .2, .3})));
    List<Prediction> mean = ArmEvaluation.average(models);
    assertArrayEquals(new double[] {.3, .55, .15}, mean.get(2).probabilities(), EPS);
    assertEquals(1, mean.get(2).predicted());
    // image 3 keeps the two-model mean
    assertArrayEquals(SixImages.ENSEMBLE[3], mean.get(3).probabilities(), EPS);
  }

  @Test
  void ofTakesTheArmsOwnRowsInImageOrderAndAveragesWhenNoEnsembleIsGiven() {
    List<Prediction> predictions = new ArrayList<>();
    SixImages.models(CNN).values().forEach(predictions::addAll);
    SixImages.models(LSTM).values().forEach(ps -> ps.forEach(p -> predictions.add(new Prediction(LSTM, p.fold(),
        p.seed(), p.index(), p.file(), p.patientId(), p.label(), p.label(), new double[] {1, 0, 0}))));
    Collections.shuffle(predictions, new Random(3));

    ArmEvaluation averaged = ArmEvaluation.of(CNN, results(predictions, List.of()), new Bootstrap(1, 100));
    assertEquals(List.of(new ModelKey(42, 0), new ModelKey(42, 1)), List.copyOf(averaged.models().keySet()));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5},
        averaged.models().get(new ModelKey(42, 1)).stream().mapToInt(Prediction::index).toArray());
    // fold 1 gets 5 of 6 right after sorting: the LSTM rows (all {1, 0, 0}) did not enter
    assertArrayEquals(new double[] {4 / 6.0, 5 / 6.0}, averaged.foldValues("accuracy", -1), EPS);
    assertTrue(averaged.ensembleNote().startsWith("mean of the fold models' probabilities"), averaged.ensembleNote());
    assertArrayEquals(SixImages.ENSEMBLE[5], averaged.ensemble().get(5).probabilities(), EPS);

    // given ensemble rows are used as they are (here a made-up ensemble that is all right), sorted by image
    List<Prediction> given = new ArrayList<>(SixImages.predictions(CNN, 0, Prediction.ENSEMBLE, SixImages.ENSEMBLE,
        SixImages.LABELS));
    given.addAll(SixImages.ensemble(LSTM));
    Collections.reverse(given);
    ArmEvaluation read = ArmEvaluation.of(CNN, results(predictions, given), new Bootstrap(1, 100));
    assertEquals("ensemble_predictions.csv", read.ensembleNote());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, read.ensemble().stream().mapToInt(Prediction::index).toArray());
    assertEquals(1.0, read.ensembleEstimate("accuracy", -1).value(), EPS);
  }

  @Test
  void foldValuesAreOnePerModelInSeedAndFoldOrder() {
    ArmEvaluation e = SixImages.evaluation(CNN);
    // fold 0 gets images 0, 2, 4, 5 right, fold 1 all but image 5
    assertArrayEquals(new double[] {4 / 6.0, 5 / 6.0}, e.foldValues("accuracy", -1), EPS);
    // covid sensitivity: fold 0 finds 1 of 2 (image 1 called pneumonia), fold 1 both
    assertArrayEquals(new double[] {0.5, 1.0}, e.foldValues("sensitivity", 0), EPS);
    // pneumonia specificity: fold 0 calls image 1 pneumonia, TN 3 of 4; fold 1 TN 4 of 4
    assertArrayEquals(new double[] {0.75, 1.0}, e.foldValues("specificity", 1), EPS);
    // normal F1 = 2TP / (2TP + FP + FN): fold 0 TP 2 FP 1 (image 3) -> 4/5; fold 1 TP 1 FN 1 -> 2/3
    assertArrayEquals(new double[] {0.8, 2 / 3.0}, e.foldValues("f1", 2), EPS);
    // normal one-vs-rest accuracy: fold 0 (2 + 3) / 6, fold 1 (1 + 4) / 6
    assertArrayEquals(new double[] {5 / 6.0, 5 / 6.0}, e.foldValues("accuracy", 2), EPS);
    // macro F1: fold 0 (2/3 + 1/2 + 4/5) / 3 = 59/90; fold 1 (4/5 + 1 + 2/3) / 3 = 37/45
    assertArrayEquals(new double[] {59 / 90.0, 37 / 45.0}, e.foldValues("f1", -1), EPS);
    // mean (4/6 + 5/6) / 2 = .75, sd |5/6 - 4/6| / sqrt 2 = .117851
    Spread s = e.foldSpread("accuracy", -1);
    assertEquals(0.75, s.mean(), EPS);
    assertEquals(1 / 6.0 / Math.sqrt(2), s.sd(), EPS);
    assertEquals("75.0 ± 11.8", s.percent());
  }

  @Test
  void ensembleProportionsCarryWilsonIntervals() {
    ArmEvaluation e = SixImages.evaluation(CNN);
    // Wilson, z = 1.959964: (p + z²/2n) / (1 + z²/n) ± z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²)
    // 5 of 6: centre (.833333 + .320122) / 1.640243 = .703222, half .266725 -> [.436497, .969947]
    assertEstimate(5 / 6.0, 0.43649717781352987, 0.9699466302516935, e.ensembleEstimate("accuracy", -1));
    // normal one-vs-rest accuracy: TP 1 + TN 4 of 6, the same interval
    assertEstimate(5 / 6.0, 0.43649717781352987, 0.9699466302516935, e.ensembleEstimate("accuracy", 2));
    // covid specificity TN 3 of TN + FP = 4: [.300642, .954413]
    assertEstimate(0.75, 0.30064184258240184, 0.9544127391902995, e.ensembleEstimate("specificity", 0));
    // covid sensitivity 2 of 2: [.342380, 1]
    assertEstimate(1.0, 0.34238022750665303, 1.0, e.ensembleEstimate("sensitivity", 0));
    // normal sensitivity 1 of 2: [.094531, .905469]
    assertEstimate(0.5, 0.09453120573423074, 0.9054687942657693, e.ensembleEstimate("sensitivity", 2));
    long[][] confusion = e.ensembleConfusion().toArray();
    assertArrayEquals(new long[] {2, 0, 0}, confusion[0]);
    assertArrayEquals(new long[] {0, 2, 0}, confusion[1]);
    assertArrayEquals(new long[] {1, 0, 1}, confusion[2]);
  }

  @Test
  void f1AndMacroValuesAreTheirValueOnAllImages() {
    ArmEvaluation e = SixImages.evaluation(CNN);
    // covid F1 2*2 / (2*2 + 1 + 0) = .8; normal 2 / (2 + 0 + 1) = 2/3
    assertEquals(0.8, e.ensembleEstimate("f1", 0).value(), EPS);
    assertEquals(2 / 3.0, e.ensembleEstimate("f1", 2).value(), EPS);
    // macro F1 (.8 + 1 + 2/3) / 3 = 37/45; sensitivity (1 + 1 + .5) / 3; specificity (.75 + 1 + 1) / 3
    assertEquals(37 / 45.0, e.ensembleEstimate("f1", -1).value(), EPS);
    assertEquals(2.5 / 3, e.ensembleEstimate("sensitivity", -1).value(), EPS);
    assertEquals(2.75 / 3, e.ensembleEstimate("specificity", -1).value(), EPS);
    // pneumonia has no FP and no FN: every resample that draws a pneumonia patient has F1 1
    assertEstimate(1.0, 1.0, 1.0, e.ensembleEstimate("f1", 1));
  }

  @Test
  void aucCountsPositiveOverNegativePairsWithTiesAsHalf() {
    ArmEvaluation e = SixImages.evaluation(CNN);
    // ensemble covid scores: positives .75, .5; negatives .2, .15, .15, .55
    // .75 beats all 4, .5 beats 3 (not .55): 7 of 8 pairs
    Roc roc = ArmEvaluation.roc(e.ensemble(), 0);
    assertEquals(0.875, roc.auc(), EPS);
    // descending: .75 P, .55 N, .5 P, .2 N, .15 N N
    assertArrayEquals(new double[] {0, 0, .25, .25, .5, 1}, roc.falsePositiveRate(), EPS);
    assertArrayEquals(new double[] {0, .5, .5, 1, 1, 1}, roc.truePositiveRate(), EPS);
    assertEquals(0.875, e.ensembleAuc(0).value(), EPS);
    // fold 0, pneumonia: positives .85, .3; negatives .3 (image 0), .5, .05, .1
    // .85 beats 4; .3 beats 2, ties 1 (half), loses to .5: 6.5 of 8
    assertEquals(0.8125, ArmEvaluation.roc(e.models().get(new ModelKey(42, 0)), 1).auc(), EPS);
    // fold 1, pneumonia: positives .6, .8 above every negative -> 1; spread (.8125 + 1) / 2, sd .1875 / sqrt 2
    Spread s = e.foldAuc(1);
    assertEquals(0.90625, s.mean(), EPS);
    assertEquals(0.1875 / Math.sqrt(2), s.sd(), EPS);
    // covid: fold 0 1 (.6, .4 over .1 .2 .1 .3); fold 1 7/8 (.6 under image 5's .8)
    assertEquals(0.9375, e.foldAuc(0).mean(), EPS);
  }

  @Test
  void calibrationErrorAndLossOfTheEnsemble() {
    ArmEvaluation e = SixImages.evaluation(CNN);
    // confidences: bin [.5, .6): .5 ok, .55 ok, .55 wrong -> |2/3 - 1.6/3| = .4/3, weight 3/6
    //              bin [.7, .8): .75, .725, .725 all ok -> |1 - 2.2/3| = .8/3, weight 3/6
    // ECE = .5 * .4/3 + .5 * .8/3 = .2
    var cal = ArmEvaluation.calibration(e.ensemble());
    assertEquals(0.2, cal.ece(), EPS);
    assertEquals(3, cal.count()[5]);
    assertEquals(3, cal.count()[7]);
    assertEquals(1.6 / 3, cal.confidence()[5], EPS);
    // probability of the true class: .75, .5, .725, .55, .725, .35
    // -(ln .75 + ln .5 + ln .725 + ln .55 + ln .725 + ln .35) / 6
    // = (.287682 + .693147 + .321584 + .597837 + .321584 + 1.049822) / 6 = .545276
    assertEquals(0.5452759377534915, e.ensembleLoss(), 1e-9);
  }

  @Test
  void withoutAnEnsembleEveryEnsembleNumberIsUndefined() {
    ArmEvaluation e = new ArmEvaluation(CNN, SixImages.models(CNN), List.of(), "none", new Bootstrap(1, 100));
    assertFalse(e.hasEnsemble());
    assertEquals(Estimate.UNDEFINED, e.ensembleEstimate("accuracy", -1));
    assertEquals(Estimate.UNDEFINED, e.ensembleEstimate("f1", 0));
    assertEquals(Estimate.UNDEFINED, e.ensembleAuc(0));
    assertEquals(Estimate.UNDEFINED, e.ensembleEce());
    assertTrue(Double.isNaN(e.ensembleLoss()));
    // the fold models are still evaluated
    assertEquals(0.75, e.foldSpread("accuracy", -1).mean(), EPS);
  }

  @Test
  void bootstrapUnitsArePatientsElseImages() {
    List<Prediction> ps = new ArrayList<>(SixImages.ensemble(CNN));
    Prediction p3 = ps.get(3);
    ps.set(3, new Prediction(CNN, p3.fold(), 0, 3, p3.file(), "", p3.label(), p3.predicted(), p3.probabilities()));
    assertArrayEquals(new String[] {"pa", "pa", "pb", "image:3", "pd", "pe"}, ArmEvaluation.units(ps));
    assertEquals(List.of(5, 0, 0), ArmEvaluation.pick(ps, new int[] {5, 0, 0}).stream().map(Prediction::index).toList());
  }

  /**
   * On a folder written by {@link ResultsFixture}: the fold models' accuracies are the test_accuracy the runner
   * wrote to trials.csv, and the mean of the fold models' probabilities is its ensemble_predictions.csv (both
   * computed by the fixture, independently of the report).
   */
  @Test
  void onAFixtureFolderTheModelsAndTheMeanMatchWhatTheRunnerWrote() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.7).arm("cnn-lstm", "0.0001", "none", 0.9)
        .withFailedTrial().write(tmp.resolve("fixture"));
    Results results = Results.load(dir);
    for (Arm arm : results.arms()) {
      ArmEvaluation e = ArmEvaluation.of(arm, results, new Bootstrap(1, 100));
      Map<Integer, Double> written = new HashMap<>();
      results.trials().stream().filter(t -> t.arm().equals(arm) && t.done())
          .forEach(t -> written.put(t.fold(), t.testAccuracy()));
      // the failed fold 4 of the CNN has no predictions and no model
      assertEquals(written.keySet(), e.models().keySet().stream().map(ModelKey::fold).collect(Collectors.toSet()),
          arm.arch());
      double[] accuracy = e.foldValues("accuracy", -1);
      List<ModelKey> keys = List.copyOf(e.models().keySet());
      for (int k = 0; k < keys.size(); k++) {
        assertEquals(written.get(keys.get(k).fold()), accuracy[k], 1e-6, arm.arch() + " " + keys.get(k));
      }
      List<Prediction> mean = ArmEvaluation.average(e.models());
      assertEquals(ResultsFixture.TEST_PER_CLASS * 3, e.ensemble().size());
      for (int i = 0; i < mean.size(); i++) {
        assertEquals(e.ensemble().get(i).index(), mean.get(i).index());
        // the fixture prints probabilities with 6 decimals
        assertArrayEquals(e.ensemble().get(i).probabilities(), mean.get(i).probabilities(), 2e-6);
      }
    }
  }
}
