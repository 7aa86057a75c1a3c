package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cxrlstm.data.image.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
  @TempDir
  Path dir;

  private Path synthetic() throws IOException {
    return SyntheticImages.writeImageFolder(dir.resolve("syn"), 4, 32, 7);
  }

  private static List<ImageEntry> reverse(List<ImageEntry> entries) {
    List<ImageEntry> out = new java.util.ArrayList<>(entries);
    java.util.Collections.reverse(out);
    return out;
  }

  /** The synthetic manifest with line {@code line} (1 = header) replaced by {@code edit(line)}. */
  private Path editManifest(Path root, int line, java.util.function.UnaryOperator<String> edit) throws IOException {
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(root.resolve("manifest.csv")));
    lines.set(line - 1, edit.apply(lines.get(line - 1)));
    Path m = dir.resolve("edited.csv");
    Files.write(m, lines);
    return m;
  }

  private DataException refused(Path manifest, Path root) {
    return assertThrows(DataException.class, () -> Dataset.fromManifest(manifest, root));
  }

  @Test
  void manifestGivesEntriesInOrderWithPaperClasses() throws IOException {
    Path root = synthetic();
    Dataset d = Dataset.fromManifest(root.resolve("manifest.csv"), root);
    assertEquals(12, d.size());
    assertEquals(Dataset.CLASSES, d.classes());
    assertEquals("covid/covid-000.png", d.entry(0).file());
    assertEquals("syn-covid-0", d.entry(1).patientId());
    assertArrayEquals(new int[] {4, 4, 4}, d.classCounts());
    assertArrayEquals(new int[] {1, 0, 1}, d.classCounts(new int[] {0, 11}));
    assertArrayEquals(new int[] {0, 2}, d.labels(new int[] {0, 11}));
    assertEquals(Sha256.of(root.resolve(d.entry(3).file())), d.entry(3).sha256());
  }

  @Test
  void imageFolderWithoutManifestComputesShaAndUsesFileAsPatient() throws IOException {
    Path root = synthetic();
    Files.delete(root.resolve("manifest.csv"));
    Dataset d = Dataset.fromImageFolder(root, List.of("covid", "pneumonia", "normal", "other"));
    assertEquals(12, d.size());
    assertEquals("pneumonia/pneumonia-000.png", d.entry(4).patientId());
  }

  @Test
  void contentHashIgnoresOrderButSeesContent() throws IOException {
    Path root = synthetic();
    Dataset d = Dataset.fromManifest(root.resolve("manifest.csv"), root);
    Dataset reversed = Dataset.of(root, d.classes(), reverse(d.entries()));
    assertEquals(d.contentHash(), reversed.contentHash());
    ImageEntry e = d.entry(0);
    Dataset changed = Dataset.of(root, d.classes(), List.of(new ImageEntry(e.file(), e.label(), e.patientId(), "0".repeat(64))));
    assertNotEquals(d.contentHash(), changed.contentHash());
  }

  @Test
  void badManifestRowsAreAllListedWithLineAndColumn() throws IOException {
    Path root = synthetic();
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(root.resolve("manifest.csv")));
    lines.set(1, lines.get(1).replace("covid/covid-000.png", "../escape.png"));
    lines.set(2, lines.get(2).replace("covid/covid-001.png", "/etc/passwd"));
    lines.set(3, lines.get(3).replaceFirst(",[0-9a-f]{64}$", ",xyz"));
    lines.set(4, lines.get(4).replaceFirst(",syn-covid-1,", ",,"));
    Path m = dir.resolve("bad.csv");
    Files.write(m, lines);
    DataException e = refused(m, root);
    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("bad.csv: line 2: column 'file': '../escape.png'"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3: column 'file': '/etc/passwd'"), e.getMessage());
    assertTrue(e.getMessage().contains("line 4: column 'sha256'"), e.getMessage());
    assertTrue(e.getMessage().contains("line 5: column 'patient_id' is empty"), e.getMessage());
  }

  @Test
  void missingColumnIsNamed() throws IOException {
    Path root = synthetic();
    Path m = editManifest(root, 1, h -> h.replace("patient_id", "patient"));
    DataException e = assertThrows(DataException.class, () -> Dataset.fromManifest(m, root));
    assertTrue(e.getMessage().contains("missing column 'patient_id'"), e.getMessage());
  }

  @Test
  void missingEmptyOrResizedFilesAndUnknownLabelsAreListed() throws IOException {
    Path root = synthetic();
    Files.delete(root.resolve("covid/covid-000.png"));
    Files.write(root.resolve("covid/covid-001.png"), new byte[0]);
    Files.write(root.resolve("covid/covid-002.png"), new byte[] {1, 2, 3});
    Path m = editManifest(root, 13, l -> l.replace(",normal,", ",healthy,"));
    DataException e = refused(m, root);
    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("covid-000.png is missing"), e.getMessage());
    assertTrue(e.getMessage().contains("covid-001.png is empty"), e.getMessage());
    assertTrue(e.getMessage().contains("covid-002.png has 3 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("'healthy' is not one of the classes"), e.getMessage());
  }

  @Test
  void emptyClassAndSameImageUnderTwoLabelsAreRefused() throws IOException {
    Path root = synthetic();
    List<String> lines = Files.readAllLines(root.resolve("manifest.csv")).stream()
        .filter(l -> !l.startsWith("pneumonia/")).toList();
    Path m = dir.resolve("nopneumonia.csv");
    Files.write(m, lines);
    assertTrue(refused(m, root).getMessage().contains("class 'pneumonia' has no images"));

    Files.copy(root.resolve("covid/covid-000.png"), root.resolve("normal/copy.png"));
    Files.delete(root.resolve("manifest.csv"));
    DataException e = assertThrows(DataException.class, () -> Dataset.fromImageFolder(root, Dataset.CLASSES));
    assertTrue(e.getMessage().contains("normal/copy.png: same image") && e.getMessage().contains("covid/covid-000.png"),
        e.getMessage());
  }

  @Test
  void imageFolderRefusesUnknownFoldersAndNonImages() throws IOException {
    Path root = synthetic();
    Files.delete(root.resolve("manifest.csv"));
    Files.createDirectories(root.resolve("tuberculosis"));
    Files.writeString(root.resolve("covid/notes.txt"), "hello");
    Files.write(root.resolve("normal/zero.png"), new byte[0]);
    DataException e = assertThrows(DataException.class, () -> Dataset.fromImageFolder(root, Dataset.CLASSES));
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("unknown class folder 'tuberculosis'"), e.getMessage());
    assertTrue(e.getMessage().contains("notes.txt: not an image file"), e.getMessage());
    assertTrue(e.getMessage().contains("zero.png: is empty"), e.getMessage());
  }
}
