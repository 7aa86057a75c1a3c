package org.cxrlstm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.KeysTest;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.PropertiesText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialRunnerTest {
  @TempDir
  Path dir;
  private ResultsLayout layout;
  private Settings settings;
  private Plan plan;
  private FakeTraining training;
  private TrialRunner runner;

  @BeforeEach
  void setUp() {
    layout = new ResultsLayout(dir.resolve("exp"));
    settings = Keys.resolve(Settings.of(KeysTest.minimal()));
    plan = Plan.of(settings);
    training = new FakeTraining();
    runner = new TrialRunner(layout, settings, training, new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void finishedTrialIsRenamedWithMarkerAndSkippedNextTime() throws Exception {
    Trial t = plan.trial(0);
    assertEquals(TrialRunner.Outcome.DONE, runner.run(t).outcome());
    Path folder = layout.trial(t.id());
    assertTrue(Files.exists(folder.resolve("done")));
    assertTrue(Files.exists(folder.resolve("trial.properties")));
    assertTrue(Files.exists(folder.resolve("epochs.csv")));
    assertFalse(Files.exists(layout.partial(t.id())));
    assertEquals("done", PropertiesText.read(folder.resolve("trial.properties")).get("status"));
    String before = Files.readString(folder.resolve("trial.properties"));

    assertEquals(TrialRunner.Outcome.SKIPPED, runner.run(t).outcome());
    assertEquals(1, training.calls.get());
    assertEquals(before, Files.readString(folder.resolve("trial.properties")));
  }

  @Test
  void leftoverPartialFolderIsDeletedAndTheTrialRerun() throws Exception {
    Trial t = plan.trial(1);
    Path partial = layout.partial(t.id());
    Files.createDirectories(partial);
    Files.writeString(partial.resolve("epochs.csv"), "half a row");
    Files.createDirectories(layout.model(t.id()));
    assertEquals(TrialRunner.Outcome.DONE, runner.run(t).outcome());
    assertFalse(Files.exists(partial));
    assertFalse(Files.exists(layout.model(t.id())));
    assertFalse(Files.readString(layout.trial(t.id()).resolve("epochs.csv")).contains("half a row"));
  }

  @Test
  void failedTrialIsRecordedThenRetriedKeepingTheOldFolder() throws Exception {
    Trial t = plan.trial(2);
    training.failing.add(t.id());
    TrialRunner.Result r = runner.run(t);
    assertEquals(TrialRunner.Outcome.FAILED, r.outcome());
    assertTrue(r.message().contains("disk full"), r.message());
    assertEquals("failed", TrialRunner.finishedStatus(layout.trial(t.id())));

    training.failing.clear();
    assertEquals(TrialRunner.Outcome.DONE, runner.run(t).outcome());
    assertTrue(Files.exists(layout.trials().resolve(t.id() + ".failed-1")));
  }

  @Test
  void divergenceIsRecordedAndNotRetried() throws Exception {
    Trial t = plan.trial(3);
    training.diverging.add(t.id());
    assertEquals(TrialRunner.Outcome.DIVERGED, runner.run(t).outcome());
    assertEquals(TrialRunner.Outcome.SKIPPED, runner.run(t).outcome());
    assertEquals(1, training.calls.get());
  }

  @Test
  void trialLockedByAnotherRunnerIsLeftAlone() throws Exception {
    Trial t = plan.trial(4);
    try (AtomicFiles.Held held = AtomicFiles.tryLock(layout.trialLock(t.id()))) {
      assertTrue(held != null);
      assertEquals(TrialRunner.Outcome.BUSY, runner.run(t).outcome());
    }
    assertEquals(0, training.calls.get());
    assertFalse(Files.exists(layout.trial(t.id())));
  }
}
