package org.cxrlstm.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.SplitSettings;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.split.Split;
import org.cxrlstm.split.SplitRecord;
import org.cxrlstm.split.Splitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** split.csv is made once with its record and reused only by runs with the same split settings and images. */
class ExperimentDataSplitTest {
  @TempDir
  Path dir;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true);

  private static Dataset dataset(int perClass, int salt) {
    List<ImageEntry> entries = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      for (int k = 0; k < perClass; k++) {
        entries.add(new ImageEntry(Dataset.CLASSES.get(c) + "/" + k + ".png", c, c + "-" + k,
            String.format("%064x", salt * 1_000_000L + c * 1000L + k)));
      }
    }
    return Dataset.of(Path.of("mem"), Dataset.CLASSES, entries);
  }

  private static Settings settings(String... pairs) {
    // near.duplicates off: the in-memory dataset has no image files to hash
    Map<String, String> m = new HashMap<>(Map.of("seed", "5", "split.seed", "", "test.fraction", "0.15", "folds", "5",
        "near.duplicates", "-1"));
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Settings.of(m);
  }

  @Test
  void theSplitUsesSplitSeedAndIsRecordedBesideSplitCsv() throws Exception {
    ResultsLayout layout = new ResultsLayout(dir.resolve("exp"));
    Dataset d = dataset(20, 0);
    Split split = ExperimentData.split(settings("split.seed", "99"), layout, d, out);
    assertArrayEquals(Splitter.split(d, 0.15, 5, 99).test(), split.test());
    assertEquals(new SplitRecord(99, 0.15, 5, d.contentHash()),
        SplitRecord.read(dir.resolve("exp/split.properties")).orElseThrow());
    // another training seed with the same split seed reuses the split
    Split again = ExperimentData.split(settings("seed", "6", "split.seed", "99"), layout, d, out);
    assertArrayEquals(split.test(), again.test());
    // blank split.seed means seed
    assertEquals(5, SplitSettings.splitSeed(settings()));
    assertEquals(99, SplitSettings.splitSeed(settings("split.seed", " 99 ")));
  }

  @Test
  void aRunWithOtherSplitSettingsOrOtherImagesIsRefusedNamingTheKey() throws Exception {
    ResultsLayout layout = new ResultsLayout(dir.resolve("exp"));
    Dataset d = dataset(20, 0);
    ExperimentData.split(settings(), layout, d, out);
    SettingException seed = assertThrows(SettingException.class,
        () -> ExperimentData.split(settings("seed", "6"), layout, d, out));
    assertEquals("seed", seed.key());
    assertTrue(seed.getMessage().contains("differs from split.seed=5 recorded for"), seed.getMessage());
    SettingException fraction = assertThrows(SettingException.class,
        () -> ExperimentData.split(settings("test.fraction", "0.2"), layout, d, out));
    assertEquals("test.fraction", fraction.key());
    assertEquals("setting 'split.seed' = '7' differs", assertThrows(SettingException.class,
        () -> ExperimentData.split(settings("split.seed", "7"), layout, d, out)).getMessage().substring(0, 34));
    SettingException images = assertThrows(SettingException.class,
        () -> ExperimentData.split(settings("dataset.manifest", "other.csv"), layout, dataset(20, 1), out));
    assertEquals("dataset.manifest", images.key());
    assertTrue(images.getMessage().contains("dataset.hash=" + d.contentHash()), images.getMessage());
    // the split itself was left alone
    assertEquals(new SplitRecord(5, 0.15, 5, d.contentHash()),
        SplitRecord.read(dir.resolve("exp/split.properties")).orElseThrow());
  }

  @Test
  void aSplitWithoutARecordIsReusedWithAWarningAndOnlyItsFoldsChecked() throws Exception {
    ResultsLayout layout = new ResultsLayout(dir.resolve("exp"));
    Dataset d = dataset(20, 0);
    Split made = ExperimentData.split(settings(), layout, d, out);
    Files.delete(dir.resolve("exp/split.properties"));
    Split reused = ExperimentData.split(settings("seed", "6"), layout, d, out);
    assertArrayEquals(made.test(), reused.test());
    assertTrue(printed.toString().contains("has no split.properties"), printed.toString());
    assertEquals("folds", assertThrows(SettingException.class,
        () -> ExperimentData.split(settings("folds", "4"), layout, d, out)).key());
  }
}
