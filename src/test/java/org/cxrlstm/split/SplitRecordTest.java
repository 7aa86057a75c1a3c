package org.cxrlstm.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitRecordTest {
  @TempDir
  Path dir;

  private static final String HASH = "ab".repeat(32);

  @Test
  void roundTripsThroughAPlainPropertiesFile() throws IOException {
    SplitRecord r = new SplitRecord(20200622L, 0.15, 5, HASH);
    Path file = SplitRecord.beside(dir.resolve("run/split.csv"));
    assertEquals(dir.resolve("run/split.properties"), file);
    r.write(file);
    assertEquals(List.of("# the settings split.csv was made with; a run with other values is refused",
        "split.seed=20200622", "test.fraction=0.15", "folds=5", "dataset.hash=" + HASH), Files.readAllLines(file));
    assertEquals(Optional.of(r), SplitRecord.read(file));
    // java.util.Properties reads it too, as external tools would
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    assertEquals("0.15", p.getProperty("test.fraction"));
  }

  @Test
  void aMissingRecordIsEmptyAndAMalformedOneIsRefusedByLineAndKey() throws IOException {
    assertEquals(Optional.empty(), SplitRecord.read(dir.resolve("split.properties")));
    Path file = dir.resolve("split.properties");
    Files.writeString(file, "split.seed=1\ntest.fraction=0.15\nfolds=5\n");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SplitRecord.read(file));
    assertTrue(missing.getMessage().contains("key 'dataset.hash' is missing"), missing.getMessage());
    Files.writeString(file, "split.seed=1\nsplit.sede=2\n");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SplitRecord.read(file));
    assertTrue(unknown.getMessage().contains("line 2: 'split.sede=2'"), unknown.getMessage());
  }

  @Test
  void differencesNameEveryDifferingKeyAndIgnoreHowANumberIsWritten() {
    SplitRecord r = new SplitRecord(7, 0.15, 5, HASH);
    assertEquals(List.of(), r.differences(new SplitRecord(7, 0.150, 5, HASH)));
    assertEquals(List.of("split.seed", "dataset.hash"), r.differences(new SplitRecord(8, 0.15, 5, "cd".repeat(32))));
    assertEquals(List.of("test.fraction", "folds"), r.differences(new SplitRecord(7, 0.2, 10, HASH)));
  }
}
