package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class order, class subsets, another label column and extra columns, on miniature manifests. */
class ManifestColumnsTest {
  @TempDir
  Path dir;

  @Test
  void theCommittedManifestsKeepThePapersClassOrder() throws IOException {
    for (String name : List.of("covid-xray-421", "covid-darkcovidnet", "covid-adult-mixed")) {
      Manifest m = Manifest.read(Path.of("data/" + name + ".csv"));
      assertEquals(Dataset.CLASSES, Dataset.classesOf(m), name);
    }
    assertEquals(1124, Manifest.read(Path.of("data/covid-darkcovidnet.csv")).rows().size());
    assertEquals(756, Manifest.read(Path.of("data/covid-adult-mixed.csv")).rows().size());
  }

  @Test
  void otherLabelsAreSortedButAMisspeltPaperClassIsRefused() throws IOException {
    Path csv = MiniatureManifests.darkcovidnet(dir, 4);
    Files.writeString(csv, Files.readString(csv).replace(",pneumonia,", ",zoster,").replace(",normal,", ",asthma,"));
    assertEquals(List.of("covid", "asthma", "zoster"), Dataset.labelsOf(Manifest.read(csv)));
    assertEquals(Dataset.CLASSES, Dataset.classesOf(Manifest.read(csv)));
    DataException e = assertThrows(DataException.class, () -> Dataset.fromManifest(csv, dir));
    assertTrue(e.getMessage().contains("'zoster' is not one of the classes"), e.getMessage());
    Files.writeString(csv, Files.readString(csv).replace(",covid,", ",yaws,"));
    assertEquals(List.of("asthma", "yaws", "zoster"), Dataset.classesOf(Manifest.read(csv)));
  }

  @Test
  void aSubsetOfClassesIsReindexedInTheGivenOrder() throws IOException {
    Path csv = MiniatureManifests.darkcovidnet(dir, 4);
    Dataset all = Dataset.fromManifest(csv, dir);
    Dataset binary = all.only(List.of("normal", "covid"));
    assertEquals(List.of("normal", "covid"), binary.classes());
    assertArrayEquals(new int[] {4, 4}, binary.classCounts());
    for (ImageEntry e : binary.entries()) {
      assertEquals(e.file().startsWith("normal/") ? 0 : 1, e.label(), e.file());
    }
    DataException e = assertThrows(DataException.class, () -> all.only(List.of("covid", "no_findings")));
    assertTrue(e.getMessage().contains("'no_findings'"), e.getMessage());
  }

  @Test
  void anotherColumnServesAsTheLabelAndExtraColumnsAreKept() throws IOException {
    Path csv = MiniatureManifests.adultMixed(dir, 4);
    Manifest bySource = Manifest.read(csv, "source");
    Dataset d = Dataset.fromManifest(bySource, dir);
    assertEquals(List.of("actualmed", "cohen", "nih"), d.classes());
    // covid 4 cohen; pneumonia 2 cohen + 2 nih; normal 2 actualmed + 2 nih
    assertArrayEquals(new int[] {2, 6, 4}, d.classCounts());
    Manifest plain = Manifest.read(csv);
    assertEquals(List.of("cohen", "cohen", "cohen", "cohen", "cohen", "cohen", "nih"),
        plain.values("source").subList(0, 7));
    assertEquals("pneumonia/pneumonia-002.png", plain.rows().get(6).file());
    DataException missing = assertThrows(DataException.class, () -> Manifest.read(csv, "hospital"));
    assertTrue(missing.getMessage().contains("no label column 'hospital'"), missing.getMessage());
  }
}
