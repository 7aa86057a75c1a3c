package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cxrlstm.Main;
import org.cxrlstm.results.Merge;
import org.cxrlstm.results.SummaryRow;
import org.cxrlstm.results.TrialRow;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.PropertiesText;
import org.cxrlstm.train.EventFiles;
import org.cxrlstm.train.TensorBoardEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real entry point on the smoke experiment: generate, split, train, evaluate, merge, rerun. */
class SmokeEndToEndTest {
  @Test
  void smokeRunsEndToEndAndASecondRunSkipsEveryTrial(@TempDir Path dir) throws Exception {
    Map<String, String> overrides = SmokeRun.overrides(dir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run("smoke", overrides, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

    Path root = dir.resolve("results").resolve("smoke");
    for (String f : List.of("experiment.properties", "environment.properties", "plan.csv", "split.csv", "trials.csv",
        "epochs.csv", "predictions.csv", "ensemble_predictions.csv", "summary.csv", "report.md", "report.html")) {
      assertTrue(Files.exists(root.resolve(f)), f);
    }
    Csv.Table trials = Csv.read(root.resolve("trials.csv"));
    assertEquals(Merge.labelled(TrialRow.header()), trials.header());
    assertEquals(6, trials.rows().size());
    for (int i = 0; i < 6; i++) {
      Map<String, String> row = trials.rows().get(i).toMap();
      assertEquals("done", row.get("status"), row.toString());
      double acc = Double.parseDouble(row.get("test_accuracy"));
      assertTrue(acc >= 0 && acc <= 1, row.toString());
      assertTrue(Files.exists(root.resolve("models").resolve(row.get("trial_id")).resolve("model.properties")));
      double f1 = Double.parseDouble(row.get("test_macro_f1"));
      assertTrue(f1 >= 0 && f1 <= 1, row.toString());
      List<Path> events = EventFiles.in(root.resolve("tensorboard").resolve(row.get("trial_id")));
      assertEquals(1, events.size(), events.toString());
      java.util.Set<String> tags = new java.util.HashSet<>();
      EventFiles.read(events.get(0)).forEach(e -> e.getSummary().getValueList().forEach(v -> tags.add(v.getTag())));
      assertEquals(java.util.Set.copyOf(TensorBoardEvents.TAGS), tags);
    }
    // every trial wrote its validation fold's predictions too; only test rows reach the ensemble
    Csv.Table predictions = Csv.read(root.resolve("predictions.csv"));
    java.util.Set<String> partitions = new java.util.HashSet<>();
    for (int i = 0; i < predictions.rows().size(); i++) {
      partitions.add(predictions.rows().get(i).toMap().get("partition"));
    }
    assertEquals(java.util.Set.of("test", "validation"), partitions);
    Map<String, String> environment = PropertiesText.read(root.resolve("environment.properties"));
    assertTrue(environment.containsKey("finished") && environment.containsKey("gpu"), environment.toString());
    assertEquals(Merge.labelled(SummaryRow.header()), Csv.read(root.resolve("summary.csv")).header());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("epoch   3/3"), "one line per epoch");
    int n = Integer.parseInt(trials.rows().get(0).toMap().get("test_n"));
    assertEquals(2 * n, Csv.read(root.resolve("ensemble_predictions.csv")).rows().size());
    String trialsBefore = Files.readString(root.resolve("trials.csv"));

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    assertEquals(0, Main.run("smoke", overrides, new PrintStream(again, true, StandardCharsets.UTF_8), System.err));
    String log = again.toString(StandardCharsets.UTF_8);
    assertEquals(6, log.split("already finished", -1).length - 1, log);
    assertFalse(log.contains("epoch   1/3"), log);
    assertEquals(trialsBefore, Files.readString(root.resolve("trials.csv")));
  }

  @Test
  void badSettingFailsBeforeTrainingNamingTheKey(@TempDir Path dir) {
    Map<String, String> overrides = new java.util.HashMap<>(SmokeRun.overrides(dir));
    overrides.put("epochs", "0");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run("smoke", overrides, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("'epochs' = '0'"), err.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(dir.resolve("results")));
  }
}
