package org.cxrlstm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.cxrlstm.command.SweepExperiment;
import org.cxrlstm.config.ExperimentFile;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.KeysTest;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.SplitSettings;
import org.cxrlstm.config.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {
  private static Plan plan(Map<String, String> m) {
    return Plan.of(Keys.resolve(Settings.of(m)));
  }

  @Test
  void foldMajorWithBothArchitecturesFirst() {
    Plan p = plan(KeysTest.minimal());
    assertEquals(6, p.size());
    assertEquals("cnn", p.trial(0).settings().get("arch"));
    assertEquals("cnn-lstm", p.trial(1).settings().get("arch"));
    assertEquals(0, p.trial(1).fold());
    assertEquals(1, p.trial(2).fold());
    for (Trial t : p.trials()) {
      assertTrue(t.id().matches(t.settings().get("arch") + "-f" + t.fold() + "-[0-9a-f]{8}"), t.id());
      assertEquals(Trial.COLUMNS, t.settings().keySet().stream().toList());
    }
  }

  @Test
  void sameSettingsGiveSameIdsAndSpellingDoesNotMatter() {
    Map<String, String> a = KeysTest.minimal();
    Map<String, String> b = KeysTest.minimal();
    b.put("learning.rates", "0.00030");
    assertEquals(plan(a).trials(), plan(b).trials());
  }

  @Test
  void changedSettingGivesNewIds() {
    Map<String, String> b = KeysTest.minimal();
    b.put("augment.rotation", "5");
    assertNotEquals(plan(KeysTest.minimal()).trial(0).id(), plan(b).trial(0).id());
  }

  @Test
  void gridIsTheProductAndTheCnnIsNotRepeatedPerLstmSize() {
    Map<String, String> m = KeysTest.minimal();
    m.put("learning.rates", "1e-4,3e-4");
    m.put("epochs", "2,4");
    m.put("lstm.units", "16,64,256");
    m.put("augment", "true,false");
    Plan p = plan(m);
    // per fold: 2 lr x 2 epochs x 2 augment x (1 cnn + 3 cnn-lstm)
    assertEquals(3 * 2 * 2 * 2 * 4, p.size());
    assertEquals(p.size(), p.trials().stream().map(Trial::id).distinct().count());
    assertTrue(p.trials().stream().filter(t -> t.settings().get("arch").equals("cnn"))
        .allMatch(t -> t.lstmUnits() == 0));
  }

  @Test
  void indexOutsideThePlanNamesTheKey() {
    SettingException e = assertThrows(SettingException.class, () -> plan(KeysTest.minimal()).trial(6));
    assertEquals("trial", e.key());
  }

  @Test
  void writtenPlanIsRecognisedAndAChangedOneIsNot(@TempDir Path dir) throws Exception {
    Plan p = plan(KeysTest.minimal());
    p.write(dir.resolve("plan.csv"));
    assertTrue(p.matches(dir.resolve("plan.csv")));
    Map<String, String> m = KeysTest.minimal();
    m.put("seed", "7");
    assertFalse(plan(m).matches(dir.resolve("plan.csv")));
  }

  @Test
  void trialIndexComesFromSettingThenJobArrayVariables() {
    Settings none = Keys.resolve(Settings.of(KeysTest.minimal()));
    assertEquals(OptionalInt.empty(), SweepExperiment.trialIndex(none, Map.of()));
    assertEquals(OptionalInt.of(3), SweepExperiment.trialIndex(none, Map.of("SLURM_ARRAY_TASK_ID", "3")));
    assertEquals(OptionalInt.of(4), SweepExperiment.trialIndex(none, Map.of("JOB_COMPLETION_INDEX", "4")));
    Settings given = none.with("trial", "1");
    assertEquals(OptionalInt.of(1), SweepExperiment.trialIndex(given, Map.of("SLURM_ARRAY_TASK_ID", "3")));
    assertThrows(SettingException.class, () -> SweepExperiment.trialIndex(none, Map.of("JOB_COMPLETION_INDEX", "x")));
  }

  /** The ids the runner gave the committed baseline reference before repeats and split.seed existed. */
  @Test
  void oneRepeatKeepsTheIdsOfTheCommittedBaselineReference() throws Exception {
    Plan p = plan(ExperimentFile.read(Path.of("experiments/baseline.properties")));
    java.util.List<String> committed;
    try (java.io.Reader r = java.nio.file.Files.newBufferedReader(Path.of("results/reference/baseline/trials.csv"));
        org.apache.commons.csv.CSVParser csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
            .setSkipHeaderRecord(true).get().parse(r)) {
      committed = csv.getRecords().stream().map(rec -> rec.get("trial_id")).toList();
    }
    assertEquals(committed, p.trials().stream().map(Trial::id).toList());
  }

  @Test
  void repeatsAddSeedsOnTheSameSplitRepeatMajor() {
    Map<String, String> one = KeysTest.minimal();
    Map<String, String> three = KeysTest.minimal();
    three.put("repeats", "3");
    Plan p1 = plan(one);
    Plan p3 = plan(three);
    assertEquals(3 * p1.size(), p3.size());
    // repeat 0 is the one-repeat plan, trial for trial
    assertEquals(p1.trials(), p3.trials().subList(0, p1.size()));
    long seed = Long.parseLong(one.get("seed"));
    for (int r = 0; r < 3; r++) {
      for (Trial t : p3.trials().subList(r * p1.size(), (r + 1) * p1.size())) {
        assertEquals(seed + r, t.seed(), t.id());
      }
    }
    assertEquals(p3.size(), p3.trials().stream().map(Trial::id).distinct().count());
    // a repeat and the experiment whose own seed equals the repeat's differ in their split: different ids
    Map<String, String> shifted = KeysTest.minimal();
    shifted.put("seed", String.valueOf(seed + 1));
    assertNotEquals(plan(shifted).trial(0).id(), p3.trial(p1.size()).id());
    // ... and agree once that experiment is given the same split seed
    shifted.put("split.seed", String.valueOf(seed));
    assertEquals(plan(shifted).trial(0).id(), p3.trial(p1.size()).id());
  }

  @Test
  void splitSeedEqualToSeedChangesNothingAndAnotherChangesEveryId() {
    Map<String, String> same = KeysTest.minimal();
    same.put("split.seed", same.get("seed"));
    assertEquals(plan(KeysTest.minimal()).trials(), plan(same).trials());
    Map<String, String> other = KeysTest.minimal();
    other.put("split.seed", "7");
    Plan a = plan(KeysTest.minimal());
    Plan b = plan(other);
    for (int i = 0; i < a.size(); i++) {
      assertNotEquals(a.trial(i).id(), b.trial(i).id());
    }
    assertEquals(7, SplitSettings.splitSeed(Keys.resolve(Settings.of(other))));
  }

  @Test
  void batchSizeAndDropoutAreSweptLikeAnyDeclaredDimension() {
    Map<String, String> m = KeysTest.minimal();
    m.put("folds", "2");
    m.put("batch.size", "4,8");
    m.put("dropout", "0,0.5");
    Plan p = plan(m);
    // 2 folds x 2 batch sizes x 2 dropouts x 2 architectures, dropout inside batch size, architecture innermost
    assertEquals(16, p.size());
    List<String> first = p.trials().subList(0, 8).stream()
        .map(t -> t.settings().get("batch_size") + "/" + t.settings().get("dropout") + "/" + t.settings().get("arch"))
        .toList();
    assertEquals(List.of("4/0/cnn", "4/0/cnn-lstm", "4/0.5/cnn", "4/0.5/cnn-lstm", "8/0/cnn", "8/0/cnn-lstm",
        "8/0.5/cnn", "8/0.5/cnn-lstm"), first);
    assertEquals(8, p.trial(4).batchSize());
    assertEquals(0.5, p.trial(2).dropout(), 0.0);
    // a list of one value is the single-valued plan (same trials, same ids)
    Map<String, String> single = KeysTest.minimal();
    single.put("batch.size", "4");
    single.put("dropout", "0");
    assertEquals(plan(KeysTest.minimal()).trials(), plan(single).trials());
  }

  @Test
  void aFixedDimensionRefusesAList() {
    Map<String, String> m = KeysTest.minimal();
    m.put("width", "0.125,0.25");
    SettingException e = assertThrows(SettingException.class, () -> plan(m));
    assertTrue(e.getMessage().startsWith("setting 'width' = '0.125,0.25' is not a number"), e.getMessage());
    m.put("width", "0.125");
    m.put("batch.size", "4,4");
    SettingException twice = assertThrows(SettingException.class, () -> plan(m));
    assertTrue(twice.getMessage().contains("lists '4' twice"), twice.getMessage());
  }
}
