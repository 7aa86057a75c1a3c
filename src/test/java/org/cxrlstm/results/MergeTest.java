package org.cxrlstm.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.KeysTest;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.protocol.FakeTraining;
import org.cxrlstm.protocol.Plan;
import org.cxrlstm.protocol.TrialRunner;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.PropertiesText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {
  @Test
  void mergesFinishedTrialsAveragesFoldsAndNamesMissingOnes(@TempDir Path dir) throws Exception {
    ResultsLayout layout = new ResultsLayout(dir);
    Settings settings = Keys.resolve(Settings.of(KeysTest.minimal()));
    Plan plan = Plan.of(settings);
    FakeTraining training = new FakeTraining();
    training.diverging.add(plan.trial(5).id());
    TrialRunner runner = new TrialRunner(layout, settings, training, new PrintStream(new ByteArrayOutputStream()));
    for (int i = 0; i < plan.size(); i++) {
      if (i != 2) {
        runner.run(plan.trial(i));
      }
    }
    Merge.Summary s = Merge.run(layout, plan.trials(), new PrintStream(new ByteArrayOutputStream()));
    assertEquals(4, s.done().size());
    assertEquals(List.of(plan.trial(5).id()), s.diverged());
    assertEquals(List.of("2 " + plan.trial(2).id()), s.missing());
    // every merged row names its experiment (the results folder), once, however often the merge runs
    Merge.run(layout, plan.trials(), new PrintStream(new ByteArrayOutputStream()));
    for (String name : List.of("trials.csv", "epochs.csv", "predictions.csv", "ensemble_predictions.csv", "summary.csv")) {
      Csv.Table t = Csv.read(layout.merged(name));
      assertEquals(Merge.EXPERIMENT, t.header().get(0), name);
      assertTrue(t.header().lastIndexOf(Merge.EXPERIMENT) == 0, name + " has one experiment column");
      for (int i = 0; i < t.rows().size(); i++) {
        assertEquals(dir.getFileName().toString(), t.rows().get(i).toMap().get(Merge.EXPERIMENT), name + " row " + i);
      }
      // the project's one CSV format: every record, the header's too, ends with CRLF
      String text = Files.readString(layout.merged(name));
      assertTrue(text.startsWith(String.join(",", t.header()) + "\r\n"), name);
      assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1, name + ": a bare LF");
    }

    Csv.Table trials = Csv.read(layout.merged("trials.csv"));
    assertEquals(Merge.labelled(TrialRow.header()), trials.header());
    assertEquals(5, trials.rows().size());
    assertEquals("diverged", trials.rows().get(4).toMap().get("status"));
    Csv.Table epochs = Csv.read(layout.merged("epochs.csv"));
    assertEquals(Merge.labelled(EpochRow.header()), epochs.header());
    assertEquals(5 * 2, epochs.rows().size());
    Csv.Table predictions = Csv.read(layout.merged("predictions.csv"));
    assertEquals(4 * (FakeTraining.TEST_IMAGES + FakeTraining.VALIDATION_IMAGES), predictions.rows().size());

    // cnn arm: folds 0 and 2 (fold 1 missing); cnn-lstm arm: folds 0 and 1 (fold 2 diverged)
    Csv.Table ensemble = Csv.read(layout.merged("ensemble_predictions.csv"));
    assertEquals(2 * FakeTraining.TEST_IMAGES, ensemble.rows().size());
    Map<String, String> first = ensemble.rows().get(0).toMap();
    String arch = first.get("arch");
    List<Map<String, String>> members = new java.util.ArrayList<>();
    for (int i = 0; i < predictions.rows().size(); i++) {
      Map<String, String> r = predictions.rows().get(i).toMap();
      if (r.get("arch").equals(arch) && r.get("index").equals(first.get("index")) && r.get("partition").equals("test")) {
        members.add(r);
      }
    }
    assertEquals(Integer.parseInt(first.get("models")), members.size());
    for (String c : List.of("p_covid", "p_pneumonia", "p_normal")) {
      double mean = members.stream().mapToDouble(r -> Double.parseDouble(r.get(c))).average().orElseThrow();
      assertEquals(mean, Double.parseDouble(first.get(c)), 1e-6);
    }
    assertTrue(Files.exists(layout.merged("trials.csv")));
  }

  /** Two labels of each class; covid 1 of 2 right, pneumonia 2 of 2, normal 1 of 2 (one called covid). */
  private static final String[][] OLD_ROWS = {{"covid", "covid"}, {"covid", "pneumonia"}, {"pneumonia", "pneumonia"},
      {"pneumonia", "pneumonia"}, {"normal", "normal"}, {"normal", "covid"}};

  @Test
  void perClassTestMetricsAreComputedFromTestRowsAndOldFoldersMergeAsTest(@TempDir Path dir) throws Exception {
    ResultsLayout layout = new ResultsLayout(dir);
    Settings settings = Keys.resolve(Settings.of(KeysTest.minimal()));
    Plan plan = Plan.of(settings);
    TrialRunner runner = new TrialRunner(layout, settings, new FakeTraining(), new PrintStream(new ByteArrayOutputStream()));
    runner.run(plan.trial(0));
    runner.run(plan.trial(2));
    Map<String, String> props = PropertiesText.read(layout.trial(plan.trial(2).id()).resolve("trial.properties"));
    assertTrue(!props.get("test_macro_f1").isEmpty() && props.containsKey("test_specificity_normal"), props.toString());

    // trial 0 as written before the partition and metric columns: test rows only, no metrics in its properties
    Trial old = plan.trial(0);
    Path folder = layout.trial(old.id());
    List<String> header = new java.util.ArrayList<>(PredictionRow.header(FakeTraining.CLASSES));
    header.remove("partition");
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    for (int i = 0; i < OLD_ROWS.length; i++) {
      csv.append(old.id()).append(',').append(String.join(",", old.settings().values())).append(',').append(i).append(",f").append(i)
          .append(".png,p").append(i).append(',').append(OLD_ROWS[i][0]).append(',').append(OLD_ROWS[i][1])
          .append(",0.2,0.3,0.5\n");
    }
    Files.writeString(folder.resolve("predictions.csv"), csv);
    Path propsFile = folder.resolve("trial.properties");
    Files.write(propsFile, Files.readAllLines(propsFile).stream().filter(l -> !l.startsWith("test_macro_f1")
        && !l.startsWith("test_sensitivity") && !l.startsWith("test_specificity")).toList());

    Merge.run(layout, plan.trials(), new PrintStream(new ByteArrayOutputStream()));
    Csv.Table trials = Csv.read(layout.merged("trials.csv"));
    Map<String, String> row = trials.rows().get(0).toMap();
    assertEquals(old.id(), row.get("trial_id"));
    // section 3.3 one-vs-rest: covid TP1 FN1 FP1 TN3, pneumonia TP2 FP1 TN3, normal TP1 FN1 TN4
    assertEquals(0.5, Double.parseDouble(row.get("test_sensitivity_covid")), 1e-12);
    assertEquals(0.75, Double.parseDouble(row.get("test_specificity_covid")), 1e-12);
    assertEquals(1.0, Double.parseDouble(row.get("test_sensitivity_pneumonia")), 1e-12);
    assertEquals(0.75, Double.parseDouble(row.get("test_specificity_pneumonia")), 1e-12);
    assertEquals(0.5, Double.parseDouble(row.get("test_sensitivity_normal")), 1e-12);
    assertEquals(1.0, Double.parseDouble(row.get("test_specificity_normal")), 1e-12);
    assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, Double.parseDouble(row.get("test_macro_f1")), 1e-12);

    Csv.Table predictions = Csv.read(layout.merged("predictions.csv"));
    assertEquals(Merge.labelled(PredictionRow.header(FakeTraining.CLASSES)), predictions.header());
    long oldTest = 0;
    for (int i = 0; i < predictions.rows().size(); i++) {
      Map<String, String> r = predictions.rows().get(i).toMap();
      if (r.get("trial_id").equals(old.id())) {
        assertEquals("test", r.get("partition"));
        oldTest++;
      }
    }
    assertEquals(OLD_ROWS.length, oldTest);
    // the cnn arm's ensemble averages both trials on the images they share (none: indices differ) -> test rows only
    Csv.Table ensemble = Csv.read(layout.merged("ensemble_predictions.csv"));
    assertEquals(OLD_ROWS.length + FakeTraining.TEST_IMAGES, ensemble.rows().size());
  }

  @Test
  void summaryHasEveryMetricPerArmWithFoldStatisticsAndTheEnsemble(@TempDir Path dir) throws Exception {
    ResultsLayout layout = new ResultsLayout(dir);
    Settings settings = Keys.resolve(Settings.of(KeysTest.minimal()));
    Plan plan = Plan.of(settings);
    FakeTraining training = new FakeTraining();
    training.diverging.add(plan.trial(5).id());
    TrialRunner runner = new TrialRunner(layout, settings, training, new PrintStream(new ByteArrayOutputStream()));
    for (Trial t : plan.trials()) {
      runner.run(t);
    }
    Merge.run(layout, plan.trials(), new PrintStream(new ByteArrayOutputStream()));
    Csv.Table summary = Csv.read(layout.summary());
    assertEquals(Merge.labelled(SummaryRow.header()), summary.header());
    assertEquals(2 * ArmSummary.METRICS.size(), summary.rows().size());
    Csv.Table trials = Csv.read(layout.merged("trials.csv"));
    Csv.Table ensemble = Csv.read(layout.merged("ensemble_predictions.csv"));
    for (int i = 0; i < summary.rows().size(); i++) {
      Map<String, String> s = summary.rows().get(i).toMap();
      String arch = s.get("arch");
      double[] values = trials.rows().stream().map(Csv.Row::toMap)
          .filter(r -> r.get("arch").equals(arch) && r.get("status").equals("done"))
          .mapToDouble(r -> Double.parseDouble(r.get(s.get("metric")))).toArray();
      // cnn-lstm fold 2 diverged: 2 models, the cnn 3
      assertEquals(arch.equals("cnn") ? 3 : 2, values.length);
      assertEquals(String.valueOf(values.length), s.get("n"));
      double mean = java.util.Arrays.stream(values).average().orElseThrow();
      assertEquals(mean, Double.parseDouble(s.get("mean")), 1e-12, s.toString());
      assertEquals(java.util.Arrays.stream(values).min().orElseThrow(), Double.parseDouble(s.get("min")), 0);
      assertEquals(java.util.Arrays.stream(values).max().orElseThrow(), Double.parseDouble(s.get("max")), 0);
      double ss = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
      assertEquals(Math.sqrt(ss / (values.length - 1)), Double.parseDouble(s.get("sd")), 1e-12);
      if (s.get("metric").equals("test_accuracy")) {
        long right = 0;
        long n = 0;
        for (int k = 0; k < ensemble.rows().size(); k++) {
          Map<String, String> e = ensemble.rows().get(k).toMap();
          if (e.get("arch").equals(arch)) {
            n++;
            right += e.get("label").equals(e.get("predicted")) ? 1 : 0;
          }
        }
        assertEquals((double) right / n, Double.parseDouble(s.get("ensemble")), 1e-12);
      } else if (s.get("metric").equals("seconds") || s.get("metric").equals("test_loss")) {
        assertEquals("", s.get("ensemble"));
      }
    }
  }

  @Test
  void summaryStatisticsByHand() {
    Map<String, String> arm = Map.of("arch", "cnn");
    List<String> two = SummaryRow.of(arm, "test_accuracy", new double[] {0.5, 0.7}, 0.75).cells();
    int at = Trial.ARM_COLUMNS.size();
    assertEquals(List.of("test_accuracy", "2"), two.subList(at, at + 2));
    assertEquals(0.6, Double.parseDouble(two.get(at + 2)), 1e-12);
    assertEquals(Math.sqrt(0.02), Double.parseDouble(two.get(at + 3)), 1e-12);
    assertEquals(List.of("0.5", "0.7", "0.75"), two.subList(at + 4, at + 7));
    assertEquals(List.of("1", "0.5", "", "0.5", "0.5", ""),
        SummaryRow.of(arm, "m", new double[] {0.5}, Double.NaN).cells().subList(at + 1, at + 7));
    assertEquals(List.of("0", "", "", "", "", ""),
        SummaryRow.of(arm, "m", new double[0], Double.NaN).cells().subList(at + 1, at + 7));
  }
}
