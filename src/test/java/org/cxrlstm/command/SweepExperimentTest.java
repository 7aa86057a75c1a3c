package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.KeysTest;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.protocol.FakeTraining;
import org.cxrlstm.protocol.Plan;
import org.cxrlstm.results.PlanFile;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.PropertiesText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's modes (plan, one trial from the environment, all, merge) with TensorFlow-free training. */
class SweepExperimentTest {
  @TempDir
  Path dir;
  private final FakeTraining training = new FakeTraining();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private Path root;

  @BeforeEach
  void writeExperiment() throws IOException {
    Path experiments = Files.createDirectories(dir.resolve("experiments"));
    StringBuilder file = new StringBuilder("# a test sweep\ndescription = tiny\n");
    KeysTest.minimal().forEach((k, v) -> file.append(k).append(" = ").append(v).append('\n'));
    file.append("results.dir = ").append(dir.resolve("results")).append('\n');
    Files.writeString(experiments.resolve("tiny.properties"), file);
    root = dir.resolve("results").resolve("tiny");
  }

  private Experiment experiment(Map<String, String> env) {
    return Catalog.standard(dir.resolve("experiments"), env, (s, l, p, o) -> training, new PrintStream(log))
        .find("tiny").orElseThrow();
  }

  private static Settings with(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Settings.of(m);
  }

  @Test
  void planOnlyWritesPlanAndConfigWithoutTraining() throws Exception {
    experiment(Map.of()).run(with("plan", "true"));
    assertEquals(6, PlanFile.readIds(root.resolve("plan.csv")).size());
    assertEquals("1", PropertiesText.read(root.resolve("experiment.properties")).get("results.format"));
    assertEquals(0, training.calls.get());
  }

  @Test
  void jobArrayIndexRunsExactlyThatTrial() throws Exception {
    experiment(Map.of("JOB_COMPLETION_INDEX", "4")).run(Settings.empty());
    assertEquals(1, training.calls.get());
    String id = PlanFile.readIds(root.resolve("plan.csv")).get(4);
    assertTrue(Files.exists(root.resolve("trials").resolve(id).resolve("done")));
    assertFalse(Files.exists(root.resolve("trials.csv")), "a single trial does not merge");
  }

  @Test
  void aTrialOfAPlanWrittenForOtherSettingsIsRefused() throws Exception {
    experiment(Map.of()).run(with("plan", "true"));
    SettingException e = assertThrows(SettingException.class,
        () -> experiment(Map.of()).run(with("trial", "0", "seed", "7")));
    assertEquals("trial", e.key());
    assertEquals(0, training.calls.get());
  }

  @Test
  void failedTrialEndsNonZeroAfterTheOthersFinishAndMerge() throws Exception {
    Plan plan = Plan.of(Keys.resolve(Settings.of(KeysTest.minimal()).with("results.dir", dir.resolve("results").toString())));
    training.failing.add(plan.trial(1).id());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> experiment(Map.of()).run(Settings.empty()));
    assertTrue(e.getMessage().contains(plan.trial(1).id()), e.getMessage());
    Csv.Table trials = Csv.read(root.resolve("trials.csv"));
    assertEquals(6, trials.rows().size());
    assertEquals("failed", trials.rows().get(1).toMap().get("status"));
    assertEquals(6, training.calls.get());

    training.failing.clear();
    experiment(Map.of()).run(Settings.empty());
    assertEquals(7, training.calls.get(), "only the failed trial is retried");
    assertEquals("done", Csv.read(root.resolve("trials.csv")).rows().get(1).toMap().get("status"));
  }

  @Test
  void folderOfAnotherFormatIsRefusedAndFreshMovesItAside() throws Exception {
    Files.createDirectories(root);
    Files.writeString(root.resolve("config.properties"), "results.format=0\n");
    IOException e = assertThrows(IOException.class, () -> experiment(Map.of()).run(Settings.empty()));
    assertTrue(e.getMessage().contains("another version"), e.getMessage());
    experiment(Map.of()).run(with("fresh", "true", "plan", "true"));
    assertTrue(Files.exists(root.resolve("plan.csv")));
    try (var siblings = Files.list(root.getParent())) {
      assertTrue(siblings.anyMatch(p -> p.getFileName().toString().startsWith("tiny.old-")));
    }
  }
}
