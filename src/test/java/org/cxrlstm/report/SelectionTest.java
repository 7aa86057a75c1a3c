package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.Trial;
import org.cxrlstm.report.stats.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionTest {
  @TempDir
  Path tmp;

  private static Arm arm(String arch, String lr) {
    return new Arm(Map.of("arch", arch, "learning_rate", lr));
  }

  private static Trial trial(Arm arm, int fold, String status, double valAcc, double valLoss, double testAcc) {
    return new Trial(arm.arch() + lr(arm) + fold, arm, fold, status, testAcc, 0.5, valAcc, valLoss, 10, 1.0);
  }

  private static String lr(Arm a) {
    return a.get("learning_rate");
  }

  @Test
  void lowestMeanValidationLossWinsAndAccuracyMetricTakesTheHighestMean() {
    Arm slow = arm("cnn", "0.0001");
    Arm fast = arm("cnn", "0.001");
    List<Trial> t = List.of(
        trial(slow, 0, "done", 0.90, 0.30, 0.70), trial(slow, 1, "done", 0.80, 0.40, 0.70),  // loss mean .35, acc .85
        trial(fast, 0, "done", 0.88, 0.20, 0.99), trial(fast, 1, "done", 0.78, 0.44, 0.99)); // loss mean .32, acc .83
    assertEquals(fast, Selection.of(t, Selection.VAL_LOSS).selected("cnn").orElseThrow().arm());
    assertEquals(slow, Selection.of(t, Selection.VAL_ACCURACY).selected("cnn").orElseThrow().arm());
    assertEquals(0.32, Selection.of(t, Selection.VAL_LOSS).selected("cnn").orElseThrow().valLoss().mean(), 1e-12);
  }

  @Test
  void anArmWithADivergedModelIsNotSelectable() {
    Arm a = arm("cnn-lstm", "0.001");
    Arm b = arm("cnn-lstm", "0.0003");
    List<Trial> t = List.of(trial(a, 0, "done", 0.9, 0.10, 0.9), trial(a, 1, "diverged", Double.NaN, Double.NaN, 0.3),
        trial(b, 0, "done", 0.8, 0.50, 0.8), trial(b, 1, "done", 0.8, 0.50, 0.8));
    Selection s = Selection.of(t, Selection.VAL_LOSS);
    assertEquals(b, s.selected("cnn-lstm").orElseThrow().arm());
    assertFalse(s.candidates().get(0).complete());
  }

  @Test
  void anArmWithPlannedModelsStillRunningIsNotSelectable() {
    Arm early = arm("cnn", "0.0001");
    Arm full = arm("cnn", "0.0003");
    // the early arm has the lower loss but 2 of its 3 planned models (plan.csv) have not finished
    List<Trial> t = List.of(trial(early, 0, "done", 0.95, 0.05, 0.9),
        trial(full, 0, "done", 0.9, 0.20, 0.9), trial(full, 1, "done", 0.9, 0.30, 0.9), trial(full, 2, "done", 0.9, 0.25, 0.9));
    Selection s = Selection.of(t, Map.of(early.key(), 3, full.key(), 3), Selection.VAL_LOSS);
    assertEquals(full, s.selected("cnn").orElseThrow().arm());
    assertEquals(1, s.candidates().get(0).finished());
    assertEquals(3, s.candidates().get(0).planned());
    // without plan.csv the one finished row would count as the whole arm
    assertEquals(early, Selection.of(t, Selection.VAL_LOSS).selected("cnn").orElseThrow().arm());
  }

  /** The selected arm and the whole selection table do not move when every test column is scrambled or deleted. */
  @Test
  void selectionCannotSeeTheTestSet() throws Exception {
    Path dir = new ResultsFixture()
        .arm("cnn", "0.0001", "none", 0.95).set("_val_loss", "0.50")
        .arm("cnn", "0.001", "none", 0.40).set("_val_loss", "0.30")
        .arm("cnn-lstm", "0.0001", "none", 0.90).set("_val_loss", "0.35")
        .arm("cnn-lstm", "0.001", "none", 0.50).set("_val_loss", "0.45")
        .write(tmp.resolve("lr"));
    String report = Files.readString(Report.write(dir));
    assertTrue(report.contains("Selected cnn arm (lowest mean of the fold models' val_loss, validation folds only): cnn lr=0.001"),
        report);
    assertTrue(report.contains("Selected cnn-lstm arm (lowest mean of the fold models' val_loss, validation folds only): "
        + "cnn-lstm lr=0.0001"), report);
    String table = Files.readString(dir.resolve("tables/model-selection.csv"));

    // permute the test labels of every prediction and scramble the test columns of trials.csv
    permuteColumn(dir.resolve("predictions.csv"), "label", 1);
    permuteColumn(dir.resolve("ensemble_predictions.csv"), "label", 2);
    permuteColumn(dir.resolve("trials.csv"), "test_accuracy", 3);
    Report.write(dir);
    assertEquals(table, Files.readString(dir.resolve("tables/model-selection.csv")));
    assertNotEquals(-1, Files.readString(dir.resolve("report.md")).indexOf("validation folds only): cnn lr=0.001"));

    // and without any test prediction at all
    Files.delete(dir.resolve("predictions.csv"));
    Files.delete(dir.resolve("ensemble_predictions.csv"));
    Report.write(dir);
    assertEquals(table, Files.readString(dir.resolve("tables/model-selection.csv")));
  }

  private static void permuteColumn(Path csv, String column, long seed) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    int c = List.of(lines.get(0).split(",", -1)).indexOf(column);
    List<String> values = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      values.add(l.split(",", -1)[c]);
    }
    Collections.shuffle(values, new Random(seed));
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      f[c] = values.get(i - 1);
      lines.set(i, String.join(",", f));
    }
    Files.write(csv, lines);
  }
}
