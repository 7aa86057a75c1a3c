package org.cxrlstm.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.ModelKey;
import org.cxrlstm.report.input.Prediction;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.report.input.SplitRow;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.page.Plots;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The split sizes of the Nadeau-Bengio correction and the numbers of the paired-comparisons table. */
class ChecksTest {
  @TempDir
  Path tmp;

  private static List<SplitRow> split(int test, int... trainFolds) {
    List<SplitRow> out = new ArrayList<>();
    int index = 0;
    for (int i = 0; i < test; i++, index++) {
      out.add(new SplitRow(index, "t" + index, 0, "p" + index, true, -1));
    }
    for (int fold : trainFolds) {
      out.add(new SplitRow(index, "x" + index, 0, "p" + index, false, fold));
      index++;
    }
    return out;
  }

  @Test
  void unevenFoldsTrainOnTheMeanOfTheirTrainingParts() {
    // 7 training images in folds of 3, 2, 2: the fold models train on 7-3 = 4, 7-2 = 5 and 5 images, mean 14/3
    List<SplitRow> s = split(3, 0, 1, 0, 2, 1, 0, 2);
    assertEquals(3, Checks.testImages(s));
    assertEquals(14 / 3.0, Checks.trainImages(s), 1e-12);
  }

  @Test
  void withoutTwoFoldsThereIsNoTrainingSize() {
    // one fold: no model trains on the others; no training rows at all: nothing known
    assertEquals(0.0, Checks.trainImages(split(2, 0, 0, 0)), 0);
    assertEquals(0.0, Checks.trainImages(split(2)), 0);
    assertEquals(2, Checks.testImages(split(2)));
    assertEquals(0, Checks.testImages(split(0, 0, 1)));
  }

  @Test
  void theFixturesSplitGivesItsPartitionSizes() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).write(tmp.resolve("fixture"));
    List<SplitRow> s = Results.load(dir).split();
    // 6 test images per class; images 6..29 of each class train, in folds i % 5 of sizes 12, 15, 15, 15, 15 (of 72)
    assertEquals(18, Checks.testImages(s));
    // each fold model trains on the other folds: (60 + 4 * 57) / 5 = 57.6
    assertEquals(57.6, Checks.trainImages(s), 1e-12);
  }

  /**
   * Four test images, all covid; a model right on an image gives {.6, .3, .1}, wrong {.1, .8, .1}. The CNN's
   * models (seed, fold) get the first 2, 3, 2, 4 images right, the CNN-LSTM's the first 3, 3, 4, 4.
   */
  private static ArmEvaluation arm(Arm arm, int[] correctPerModel, boolean[] ensembleRight) {
    Map<ModelKey, List<Prediction>> models = new TreeMap<>();
    int k = 0;
    for (long seed : new long[] {42, 43}) {
      for (int fold = 0; fold < 2; fold++, k++) {
        List<Prediction> ps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          boolean right = i < correctPerModel[k];
          ps.add(new Prediction(arm, fold, seed, i, "f" + i, "patient" + i, 0, right ? 0 : 1,
              right ? new double[] {.6, .3, .1} : new double[] {.1, .8, .1}));
        }
        models.put(new ModelKey(seed, fold), ps);
      }
    }
    List<Prediction> ensemble = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      boolean right = ensembleRight[i];
      ensemble.add(new Prediction(arm, Prediction.ENSEMBLE, 0, i, "f" + i, "patient" + i, 0, right ? 0 : 1,
          right ? new double[] {.6, .3, .1} : new double[] {.35, .55, .1}));
    }
    return new ArmEvaluation(arm, models, ensemble, "hand-made", new Bootstrap(5, 200));
  }

  @Test
  void thePairedComparisonsTableHoldsTheDifferencesAndTheirIntervals() throws Exception {
    Arm cnnArm = new Arm(Map.of("arch", "cnn", "lstm_units", "0", "learning_rate", "0.0001"));
    Arm lstmArm = new Arm(Map.of("arch", "cnn-lstm", "lstm_units", "64", "learning_rate", "0.0001"));
    // the ensembles: CNN images 0, 1 right (image 2: 2 of 4 models right, mean p_covid .35 < p_pneumonia .55);
    // CNN-LSTM images 0, 1, 2 right (image 3: 2 of 4)
    ArmEvaluation cnn = arm(cnnArm, new int[] {2, 3, 2, 4}, new boolean[] {true, true, false, false});
    ArmEvaluation lstm = arm(lstmArm, new int[] {3, 3, 4, 4}, new boolean[] {true, true, true, false});
    // 4 test images; 12 training images in 3 folds of 4: each model trains on 8
    List<SplitRow> s = split(4, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
    Path tables = tmp.resolve("tables");
    Page page = new Page();
    Results results = new Results(tmp, new Properties(), new Properties(), List.of(), List.of(), List.of(), List.of(),
        List.of(), s, List.of(), List.of(), ClassNames.PAPER);
    List<ArmEvaluation> arms = List.of(cnn, lstm);
    List<String> labels = List.of("cnn", "cnn-lstm");
    Plots plots = new Plots(Files.createDirectories(tmp.resolve("plots")));
    Checks checks = new Checks(new Sections(results, page, tables, plots, arms, labels), page, plots, arms, labels, s);
    assertEquals("cnn-lstm", checks.label(lstm));
    checks.comparisons();

    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(tables.resolve("paired-comparisons.csv"))) {
      rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
    assertEquals(1, rows.size());
    CSVRecord row = rows.get(0);
    assertEquals("cnn-lstm − cnn", row.get("comparison"));
    assertEquals("arch", row.get("setting"));
    assertEquals("4", row.get("paired models"));
    // accuracies per (seed, fold) .5 .75 .5 1 (CNN) and .75 .75 1 1 (CNN-LSTM)
    assertEquals("+25.0 +0.0 +50.0 +0.0", row.get("per-model accuracy differences"));
    // mean .1875; sd: deviations .0625 -.1875 .3125 -.1875, squares sum .171875, / 3 -> sd .239357
    // Nadeau-Bengio: se = .239357 * sqrt(1/4 + 4/8) = .207289; t(.975, 3) = 3.182446 -> ± .659688
    assertEquals("+18.8 [-47.2, +84.7]", row.get("mean difference [95% CI over training runs, Nadeau-Bengio]"));
    // t = .1875 / .207289 = .904534; two-sided p of Student t with 3 df (closed form below) = .432389
    assertEquals("0.432", row.get("Nadeau-Bengio p"));
    assertEquals(0.432389, twoSidedPStudent3(0.1875 / 0.2072890493972125), 1e-6);
    // models as independent: se = .239357 / 2 = .119678 -> ± .380871
    assertEquals("+18.8 [-19.3, +56.8]", row.get("mean difference [95% t-interval, models as independent]"));
    // (t(.975, 3) + t(.8, 3)) * se = (3.182446 + .978472) * .207289 = .862513
    assertEquals("86.3", row.get("minimum detectable difference (80% power)"));
    // the bootstrap's point is the same mean difference; its bounds depend on the resampling
    assertTrue(row.get("mean difference [95% bootstrap CI, test sampling only]").startsWith("+18.8 ["),
        row.get("mean difference [95% bootstrap CI, test sampling only]"));
    assertEquals("4", row.get("test images"));
    // ensembles: only image 2 is right for the CNN-LSTM alone, none for the CNN alone; exact p = 2 * 0.5^1 = 1
    assertEquals("1", row.get("only second right (ensembles)"));
    assertEquals("0", row.get("only first right (ensembles)"));
    assertEquals("1.000", row.get("McNemar exact p (test sampling only)"));
    // ensemble accuracy .75 - .5
    assertTrue(row.get("ensemble accuracy difference [95% bootstrap CI, test sampling only]").startsWith("+25.0 ["),
        row.get("ensemble accuracy difference [95% bootstrap CI, test sampling only]"));

    String md = page.markdown();
    assertTrue(md.contains("n_test 4, n_train 8.0)"), md);
    // one image of 4 is 25 points
    assertTrue(md.contains("With 4 test images one image moves accuracy by 25.0 points"), md);
    assertTrue(md.contains("over 4 paired models +18.8 [-47.2, +84.7] points"), md);
  }

  /** P(|T| > t) for Student t with 3 degrees of freedom: F(t) = 1/2 + (x / (1 + x²) + atan x) / π, x = t / √3. */
  private static double twoSidedPStudent3(double t) {
    double x = Math.abs(t) / Math.sqrt(3);
    return 2 * (0.5 - (x / (1 + x * x) + Math.atan(x)) / Math.PI);
  }
}
