package org.cxrlstm.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import org.cxrlstm.report.input.ClassNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on Ozturk et al.'s data is compared with their published accuracy, not with Islam et al.'s. */
class PublishedSectionTest {
  @TempDir
  Path tmp;

  @Test
  void numbersAreChosenByManifestAndClasses() {
    Properties dark = new Properties();
    dark.setProperty("dataset.manifest", "data/covid-darkcovidnet.csv");
    assertEquals(List.of(87.02), PublishedSection.matching(dark, ClassNames.PAPER).stream()
        .map(PublishedSection.Published::percent).toList());
    assertEquals(List.of(98.08), PublishedSection.matching(dark, new ClassNames(List.of("covid", "normal"))).stream()
        .map(PublishedSection.Published::percent).toList());
    Properties islam = new Properties();
    islam.setProperty("dataset.manifest", "data/covid-xray-421.csv");
    assertTrue(PublishedSection.matching(islam, ClassNames.PAPER).isEmpty());
  }

  @Test
  void aDarkcovidnetReportQuotesOzturkAndNotIslam() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0003", "none", 0.8).arm("cnn-lstm", "0.0003", "none", 0.9)
        .write(tmp.resolve("dark"));
    Files.writeString(dir.resolve("config.properties"), "dataset.manifest=data/covid-darkcovidnet.csv\n",
        StandardOpenOption.APPEND);
    Report.write(dir);
    List<String> rows = Files.readAllLines(dir.resolve("tables/published-vs-reproduced.csv"));
    assertEquals(3, rows.size(), rows.toString());
    assertTrue(rows.get(1).startsWith("darkcovidnet,87.02,cnn,"), rows.get(1));
    assertFalse(Files.exists(dir.resolve("tables/paper-vs-reproduced.csv")));
  }
}
