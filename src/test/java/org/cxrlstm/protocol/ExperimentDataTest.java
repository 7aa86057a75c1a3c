package org.cxrlstm.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.KeysTest;
import org.cxrlstm.config.Settings;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.image.SyntheticImages;
import org.cxrlstm.results.ResultsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic images that survive a kill: generated beside the data folder and renamed when complete. */
class ExperimentDataTest {
  @TempDir
  Path dir;

  private Settings synthetic(Path data) {
    Map<String, String> m = KeysTest.minimal();
    m.put("synthetic", "true");
    m.put("synthetic.per.class", "3");
    m.put("synthetic.size", "32");
    m.put("data.dir", data.toString());
    return Keys.resolve(Settings.of(m));
  }

  @Test
  void leftoverOfAKilledGenerationIsDeletedAndTheFolderWrittenWhole() throws IOException {
    Path data = dir.resolve("synthetic");
    Path leftover = dir.resolve("synthetic" + ExperimentData.GENERATING);
    // what a process killed while writing leaves: a manifest cut in the middle of a row
    Files.createDirectories(leftover.resolve("covid"));
    Files.writeString(leftover.resolve("manifest.csv"), "file,label\ncovid/covid-000.png,cov");
    Files.write(leftover.resolve("covid/covid-000.png"), new byte[] {(byte) 0x89, 'P'});

    Dataset d = ExperimentData.dataset(synthetic(data), new ResultsLayout(dir.resolve("results")));

    assertEquals(9, d.size());
    assertFalse(Files.exists(leftover));
    Path expected = SyntheticImages.writeImageFolder(dir.resolve("oracle"), 3, 32, 42);
    assertArrayEquals(Files.readAllBytes(expected.resolve("manifest.csv")), Files.readAllBytes(data.resolve("manifest.csv")));
  }

  @Test
  void completeFolderIsKeptAndAnEmptyOneFilled() throws IOException {
    Path data = Files.createDirectories(dir.resolve("empty"));
    ExperimentData.dataset(synthetic(data), new ResultsLayout(dir.resolve("results")));
    Path image = data.resolve("normal/normal-000.png");
    Files.setLastModifiedTime(image, java.nio.file.attribute.FileTime.fromMillis(0));
    ExperimentData.dataset(synthetic(data), new ResultsLayout(dir.resolve("results")));
    assertEquals(0, Files.getLastModifiedTime(image).toMillis(), "a complete folder is not written again");
  }

  @Test
  void folderWithFilesButNoManifestIsRefusedNamingIt() throws IOException {
    Path data = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(data.resolve("notes.txt"), "keep me");
    DataException e = assertThrows(DataException.class,
        () -> ExperimentData.dataset(synthetic(data), new ResultsLayout(dir.resolve("results"))));
    assertTrue(e.getMessage().startsWith(data + " holds files but no manifest.csv"), e.getMessage());
    assertEquals("keep me", Files.readString(data.resolve("notes.txt")));
  }
}
