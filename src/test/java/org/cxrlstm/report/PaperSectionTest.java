package org.cxrlstm.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cxrlstm.eval.Bootstrap;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ArmEpoch;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.ModelKey;
import org.cxrlstm.report.input.Prediction;
import org.cxrlstm.report.input.ReportInputException;
import org.cxrlstm.report.input.Results;
import org.cxrlstm.report.page.Page;
import org.cxrlstm.report.stats.ArmEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arm is set beside the paper, and the numbers of table5-literature and paper-vs-reproduced. */
class PaperSectionTest {
  @TempDir
  Path tmp;

  private static Arm arm(String arch, String lr, String... more) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("arch", arch);
    m.put("learning_rate", lr);
    m.put("lstm_units", arch.equals("cnn") ? "0" : "64");
    m.put("augment", "true");
    m.put("mask", "none");
    m.put("precision", "float32");
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return new Arm(m);
  }

  /** An arm with {@code models} fold models of {@link SixImages}'s fold 0 and, if asked, an ensemble. */
  private static ArmEvaluation evaluation(Arm arm, int models, boolean ensemble) {
    Map<ModelKey, List<Prediction>> m = new TreeMap<>();
    for (int f = 0; f < models; f++) {
      m.put(new ModelKey(1, f), SixImages.predictions(arm, 1, f, SixImages.FOLD0, SixImages.FOLD0_PREDICTED));
    }
    return new ArmEvaluation(arm, m, ensemble ? SixImages.ensemble(arm) : List.of(), "hand-made",
        new Bootstrap(1, 100));
  }

  private static Properties config(String paperArm) {
    Properties p = new Properties();
    if (paperArm != null) {
      p.setProperty("paper.arm", paperArm);
    }
    return p;
  }

  private static Arm chosen(List<ArmEvaluation> arms, String arch, String paperArm) {
    return PaperSection.primary(arms, arch, config(paperArm)).orElseThrow().arm();
  }

  @Test
  void theLearningRateNearestThePapersOnLogScaleIsChosen() {
    // |log10(lr) + 4|: 0.001 -> 1; 0.00003 -> |-4.523 + 4| = .523; 0.0003 -> |-3.523 + 4| = .477
    ArmEvaluation a = evaluation(arm("cnn-lstm", "0.001"), 5, true);
    ArmEvaluation b = evaluation(arm("cnn-lstm", "0.00003"), 5, true);
    ArmEvaluation c = evaluation(arm("cnn-lstm", "0.0003"), 5, true);
    assertEquals(c.arm(), chosen(List.of(a, b, c), "cnn-lstm", null));
    assertEquals(b.arm(), chosen(List.of(a, b), "cnn-lstm", null));
  }

  @Test
  void thePapersDesignComesBeforeTheLearningRateAndMoreModelsBreakTies() {
    ArmEvaluation design = evaluation(arm("cnn-lstm", "0.001"), 2, true);
    List<ArmEvaluation> arms = new ArrayList<>(List.of(
        evaluation(arm("cnn-lstm", "0.0001", "mask", "lungs-out"), 5, true),
        evaluation(arm("cnn-lstm", "0.0001", "precision", "float16"), 5, true),
        evaluation(arm("cnn-lstm", "0.0001", "augment", "false"), 5, true),
        evaluation(arm("cnn-lstm", "0.0001", "lstm_units", "16"), 5, true),
        // the paper's learning rate and design, but no ensemble: nothing to set beside the paper
        evaluation(arm("cnn-lstm", "0.0001", "width", "1"), 5, false),
        design));
    // every other arm with an ensemble breaks one design rule; the lr rule comes after them
    assertEquals(design.arm(), chosen(arms, "cnn-lstm", null));
    // same design and learning rate: 3 models beat 2
    ArmEvaluation more = evaluation(arm("cnn-lstm", "0.001", "width", "0.5"), 3, true);
    arms.add(more);
    assertEquals(more.arm(), chosen(arms, "cnn-lstm", null));
    // the CNN is chosen among the CNN arms only; none here
    assertTrue(PaperSection.primary(arms, "cnn", config(null)).isEmpty());
  }

  @Test
  void paperArmRestrictsTheChoiceAndAppliesOnlyWhereTheColumnMeansSomething() {
    ArmEvaluation units64 = evaluation(arm("cnn-lstm", "0.0001"), 5, true);
    ArmEvaluation units16 = evaluation(arm("cnn-lstm", "0.0001", "lstm_units", "16"), 5, true);
    ArmEvaluation cnn = evaluation(arm("cnn", "0.0001"), 5, true);
    List<ArmEvaluation> arms = List.of(units64, units16, cnn);
    assertEquals(units64.arm(), chosen(arms, "cnn-lstm", null));
    assertEquals(units16.arm(), chosen(arms, "cnn-lstm", "lstm_units=16"));
    // the CNN's lstm_units (0) has no meaning: lstm_units=16 does not exclude it
    assertEquals(cnn.arm(), chosen(arms, "cnn", "lstm_units=16"));
    assertTrue(PaperSection.primary(arms, "cnn-lstm", config("lstm_units=32")).isEmpty());
  }

  @Test
  void paperArmIsParsedAsColumnValuePairs() {
    assertEquals(Map.of("lstm_units", "64", "learning_rate", "0.0001"),
        PaperSection.paperArm(config(" lstm_units=64, learning.rate = 0.0001 ")));
    assertEquals(Map.of(), PaperSection.paperArm(config(null)));
    assertThrows(ReportInputException.class, () -> PaperSection.paperArm(config("units=64")));
    assertThrows(ReportInputException.class, () -> PaperSection.paperArm(config("lstm_units")));
  }

  private static List<CSVRecord> read(Path csv) throws Exception {
    try (Reader r = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  private static CSVRecord row(List<CSVRecord> rows, String quantity, String arch, String cls) {
    return rows.stream().filter(r -> r.get("quantity").equals(quantity) && r.get("architecture").equals(arch)
        && r.get("class").equals(cls)).findFirst().orElseThrow(() -> new AssertionError(quantity + " " + arch + " " + cls));
  }

  private static void assertRow(List<CSVRecord> rows, String quantity, String arch, String cls, String paper,
      String ours, String diff, String inside) {
    CSVRecord r = row(rows, quantity, arch, cls);
    String what = quantity + " " + arch + " " + cls;
    assertEquals(paper, r.get("paper"), what);
    assertEquals(ours, r.get("this run"), what);
    assertEquals(diff, r.get("difference (points)"), what);
    assertEquals(inside, r.get("paper inside our 95% CI (test sampling only)"), what);
  }

  private static ArmEpoch epoch(String trial, Arm arm, int epoch, double trainLoss, double trainAcc, double valLoss,
      double valAcc) {
    return new ArmEpoch(trial, arm, 0, epoch, trainLoss, trainAcc, valLoss, valAcc);
  }

  @Test
  void paperVsReproducedSetsThePapersNumbersBesideTheEnsembleAndTheLastEpoch() throws Exception {
    Arm cnnArm = SixImages.arm("cnn");
    Arm lstmArm = SixImages.arm("cnn-lstm");
    // the CNN: SixImages as it is (ensemble 5 of 6 right, fold models 4/6 and 5/6)
    ArmEvaluation cnn = SixImages.evaluation(cnnArm);
    // the CNN-LSTM: the same fold models, an ensemble right on every image
    double[][] sure = new double[6][];
    for (int i = 0; i < 6; i++) {
      sure[i] = new double[] {.1, .1, .1};
      sure[i][SixImages.LABELS[i]] = .8;
    }
    ArmEvaluation lstm = new ArmEvaluation(lstmArm, SixImages.models(lstmArm),
        SixImages.predictions(lstmArm, 0, Prediction.ENSEMBLE, sure, SixImages.LABELS), "hand-made",
        new Bootstrap(7, 200));
    // last epochs: CNN trial c0 epoch 2, c1 epoch 3 (rows out of order); the CNN-LSTM's row must not mix in
    List<ArmEpoch> epochs = List.of(
        epoch("c0", cnnArm, 2, .4, .8, .2, .9), epoch("c0", cnnArm, 1, 1.0, .5, .8, .6),
        epoch("c1", cnnArm, 3, .2, .9, .1, .95), epoch("c1", cnnArm, 1, .9, .6, .6, .7),
        epoch("c1", cnnArm, 2, .5, .7, .3, .8),
        epoch("l0", lstmArm, 1, .05, .99, .08, .97));
    Path tables = tmp.resolve("tables");
    Page page = new Page();
    Results results = new Results(tmp, new Properties(), new Properties(), List.of(), List.of(), epochs, List.of(),
        List.of(), List.of(), List.of(), List.of(), ClassNames.PAPER);
    List<ArmEvaluation> arms = List.of(cnn, lstm);
    List<String> labels = List.of("cnn", "cnn-lstm");
    PaperSection.add(page, new Sections(results, page, tables, null, arms, labels), arms, labels, epochs,
        new Properties());

    List<CSVRecord> rows = read(tables.resolve("paper-vs-reproduced.csv"));
    // Wilson 5 of 6 [.436, .970]; folds (4/6 + 5/6) / 2 = .75, sd (1/6) / sqrt 2 = .118; 83.3 - 94 = -10.7
    assertRow(rows, "accuracy", "cnn", "overall", "94 %", "83.3 [43.6, 97.0] (folds 75.0 ± 11.8)", "-10.7", "yes");
    // covid one-vs-rest accuracy: ensemble TP 2 + TN 3 of 6; both fold models also 5 of 6
    assertRow(rows, "accuracy", "cnn", "covid", "94 %", "83.3 [43.6, 97.0] (folds 83.3 ± 0.0)", "-10.7", "yes");
    // covid specificity: TN 3 of 4, Wilson [.301, .954] excludes .96; folds 4/4 and 3/4
    assertRow(rows, "specificity", "cnn", "covid", "96 %", "75.0 [30.1, 95.4] (folds 87.5 ± 17.7)", "-21.0", "no");
    // covid sensitivity 2 of 2, Wilson [.342, 1]: the paper's 100 % is inside
    assertRow(rows, "sensitivity", "cnn", "covid", "100 %", "100.0 [34.2, 100.0] (folds 75.0 ± 35.4)", "+0.0", "yes");
    // normal sensitivity 1 of 2, Wilson [.095, .905]; folds 2/2 and 1/2
    assertRow(rows, "sensitivity", "cnn", "normal", "95 %", "50.0 [9.5, 90.5] (folds 75.0 ± 35.4)", "-45.0", "no");
    // pneumonia F1: no FP, no FN, so 1 in every resample: a zero-width interval decides nothing; folds .5 and 1
    assertRow(rows, "f1", "cnn", "pneumonia", "90 %", "100.0 [100.0, 100.0] (folds 75.0 ± 35.4)", "+10.0",
        "n/a (zero-width bootstrap interval)");
    // covid F1 2*2 / (2*2 + 1) = .8: 80 - 98
    assertEquals("-18.0", row(rows, "f1", "cnn", "covid").get("difference (points)"));
    // errors: 1 of 6 (image 5), the paper 4; covid 0 of 2, the paper 0
    assertRow(rows, "test_errors", "cnn", "overall", "4 images", "1 of 6", "-3", "");
    assertRow(rows, "test_errors", "cnn", "covid", "0 images", "0 of 2", "+0", "");
    // last epochs c0 (.8, .4, .9, .2) and c1 (.9, .2, .95, .1)
    // train accuracy mean .85, sd .1 / sqrt 2 = .0707; 85 - 92
    assertRow(rows, "train_accuracy", "cnn", "overall", "92 %", "85.0 ± 7.1", "-7.0", "");
    // validation accuracy mean .925, sd .05 / sqrt 2 = .0354; 92.5 - 95
    assertRow(rows, "val_accuracy", "cnn", "overall", "95 %", "92.5 ± 3.5", "-2.5", "");
    // train loss mean .3, sd .2 / sqrt 2 = .1414; .3 - .18
    assertRow(rows, "train_loss", "cnn", "overall", "0.18 cross-entropy", "0.300 ± 0.141", "+0.120", "");
    // validation loss mean .15, sd .1 / sqrt 2 = .0707; .15 - .09
    assertRow(rows, "val_loss", "cnn", "overall", "0.09 cross-entropy", "0.150 ± 0.071", "+0.060", "");
    // the CNN-LSTM: 6 of 6, Wilson [.610, 1]; 100 - 97
    assertRow(rows, "accuracy", "cnn-lstm", "overall", "97 %", "100.0 [61.0, 100.0] (folds 75.0 ± 11.8)", "+3.0",
        "yes");
    assertRow(rows, "test_errors", "cnn-lstm", "overall", "2 images", "0 of 6", "-2", "");
    // one trial, one epoch: no sd; 99 - 95
    assertRow(rows, "train_accuracy", "cnn-lstm", "overall", "95 %", "99.0", "+4.0", "");

    List<CSVRecord> lit = read(tables.resolve("table5-literature.csv"));
    CSVRecord ours = lit.stream().filter(r -> r.get("system").equals("This run: cnn ensemble")).findFirst().orElseThrow();
    assertEquals("83.3 [43.6, 97.0]", ours.get("accuracy %"));
    assertEquals("measured here", ours.get("source"));
    CSVRecord paper = lit.stream().filter(r -> r.get("system").equals("Proposed system (CNN-LSTM)")).findFirst()
        .orElseThrow();
    assertEquals("97", paper.get("accuracy %"));
  }
}
