package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Settings;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.protocol.ExperimentData;
import org.cxrlstm.results.ResultsLayout;
import org.cxrlstm.split.Split;
import org.cxrlstm.split.Splitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment writes metadata_baseline.csv once, from the manifest's columns, with no image on disk. */
class MetadataBaselineExperimentTest {
  @TempDir
  Path dir;

  @Test
  void ensureWritesTheBaselineOnceFromTheManifest() throws Exception {
    List<ImageEntry> entries = new ArrayList<>();
    StringBuilder manifest = new StringBuilder("file,label,patient_id,width,height,bytes,sha256\n");
    for (int c = 0; c < 3; c++) {
      for (int k = 0; k < 15; k++) {
        String file = Dataset.CLASSES.get(c) + "/" + k + (c == 0 ? ".jpg" : ".png");
        String sha = String.format("%064x", c * 100L + k);
        entries.add(new ImageEntry(file, c, c + "-" + k, sha));
        // the classes differ in width: a metadata model separates them perfectly
        manifest.append(String.format("%s,%s,%d,%d,%d,%d,%s%n", file, Dataset.CLASSES.get(c), k,
            1000 + 500 * c + k, 1200, 100_000 + 37 * k, sha));
      }
    }
    Path csv = dir.resolve("m.csv");
    Files.writeString(csv, manifest);
    Dataset d = Dataset.of(dir.resolve("absent"), Dataset.CLASSES, entries);
    Split split = Splitter.split(d, 0.2, 3, 1);
    ResultsLayout layout = new ResultsLayout(dir.resolve("exp"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Settings s = Settings.of(Map.of("dataset.manifest", csv.toString()));
    ExperimentData.ensureMetadataBaseline(s, layout, d, split, new PrintStream(printed, true));
    Path written = dir.resolve("exp/metadata_baseline.csv");
    List<String> lines = Files.readAllLines(written);
    assertEquals(1 + split.training().length + 4 * split.test().length, lines.size());
    assertTrue(printed.toString().contains("file attributes alone score 100.0 ["), printed.toString());
    // kept when present
    Files.writeString(written, "kept");
    ExperimentData.ensureMetadataBaseline(s, layout, d, split, new PrintStream(printed, true));
    assertEquals("kept", Files.readString(written));
  }
  /** Two classes, and sources as classes (the source probe): one probability column per class, named after it. */
  @Test
  void anyNumberOfClassesGetsItsOwnProbabilityColumns() throws Exception {
    for (List<String> classes : List.of(List.of("covid", "normal"), List.of("cohen", "nih", "actualmed"))) {
      List<ImageEntry> entries = new ArrayList<>();
      StringBuilder manifest = new StringBuilder("file,label,patient_id,width,height,bytes,sha256\n");
      for (int c = 0; c < classes.size(); c++) {
        for (int k = 0; k < 15; k++) {
          String file = classes.get(c) + "/" + k + ".png";
          String sha = String.format("%064x", c * 100L + k);
          entries.add(new ImageEntry(file, c, c + "-" + k, sha));
          manifest.append(String.format("%s,%s,%d,%d,%d,%d,%s%n", file, classes.get(c), k, 1000 + 500 * c + k, 1200,
              100_000 + 37 * k, sha));
        }
      }
      Path root = dir.resolve(String.join("-", classes));
      Files.createDirectories(root);
      Path csv = root.resolve("m.csv");
      Files.writeString(csv, manifest);
      Dataset d = Dataset.of(root.resolve("absent"), classes, entries);
      Split split = Splitter.split(d, 0.2, 3, 1);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      ExperimentData.ensureMetadataBaseline(Settings.of(Map.of("dataset.manifest", csv.toString())),
          new ResultsLayout(root.resolve("exp")), d, split, new PrintStream(printed, true));
      List<String> lines = Files.readAllLines(root.resolve("exp/metadata_baseline.csv"));
      List<String> header = new ArrayList<>(List.of("model", "partition", "index", "file", "patient_id", "label", "predicted"));
      classes.forEach(c -> header.add("p_" + c));
      assertEquals(String.join(",", header), lines.get(0));
      assertEquals(1 + split.training().length + 4 * split.test().length, lines.size());
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
          sum += Double.parseDouble(cells[7 + c]);
        }
        assertEquals(1.0, sum, 1e-5, line);
        assertEquals(cells[5], cells[6], "width separates the classes: " + line);
      }
      assertTrue(printed.toString().contains("file attributes alone score 100.0 ["), printed.toString());
    }
  }
}
