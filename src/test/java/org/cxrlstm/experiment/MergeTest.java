package org.cxrlstm.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    Merge.Summary s = Merge.run(layout, plan, new PrintStream(new ByteArrayOutputStream()));
    assertEquals(4, s.done().size());
    assertEquals(List.of(plan.trial(5).id()), s.diverged());
    assertEquals(List.of("2 " + plan.trial(2).id()), s.missing());

    Merge.Table trials = Merge.Table.read(layout.merged("trials.csv"));
    assertEquals(Merge.trialsHeader(), trials.header());
    assertEquals(5, trials.rows().size());
    assertEquals("diverged", trials.row(4).get("status"));
    Merge.Table epochs = Merge.Table.read(layout.merged("epochs.csv"));
    assertEquals(TrialFiles.epochsHeader(), epochs.header());
    assertEquals(5 * 2, epochs.rows().size());
    Merge.Table predictions = Merge.Table.read(layout.merged("predictions.csv"));
    assertEquals(4 * FakeTraining.TEST_IMAGES, predictions.rows().size());

    // cnn arm: folds 0 and 2 (fold 1 missing); cnn-lstm arm: folds 0 and 1 (fold 2 diverged)
    Merge.Table ensemble = Merge.Table.read(layout.merged("ensemble_predictions.csv"));
    assertEquals(2 * FakeTraining.TEST_IMAGES, ensemble.rows().size());
    Map<String, String> first = ensemble.row(0);
    String arch = first.get("arch");
    List<Map<String, String>> members = new java.util.ArrayList<>();
    for (int i = 0; i < predictions.rows().size(); i++) {
      Map<String, String> r = predictions.row(i);
      if (r.get("arch").equals(arch) && r.get("index").equals(first.get("index"))) {
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
}
