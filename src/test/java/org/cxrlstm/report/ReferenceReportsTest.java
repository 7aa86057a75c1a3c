package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cxrlstm.results.io.Csv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every committed reference under results/reference/ can be re-verified: its folder holds every CSV the
 * report is computed from, and regenerating the report from those CSVs alone gives the committed tables
 * byte for byte. Folders kept from before the CSVs were committed live under results/reference/legacy/
 * and say so in their README.
 */
@Tag("slow")
class ReferenceReportsTest {
  static final Path ROOT = Path.of("results/reference");
  static final List<String> INPUTS = List.of("experiment.properties", "environment.properties", "plan.csv", "split.csv",
      "trials.csv", "epochs.csv", "predictions.csv", "ensemble_predictions.csv");

  @TempDir
  Path tmp;

  /** The experiment folders: those with a trials.csv, outside legacy/. */
  static List<Path> referenceFolders() throws IOException {
    try (Stream<Path> all = Files.walk(ROOT, 2)) {
      return all.filter(p -> Files.exists(p.resolve("trials.csv")) && !p.startsWith(ROOT.resolve("legacy")))
          .sorted().toList();
    }
  }

  @Test
  void everyReferenceHasTheCsvsItsReportIsComputedFrom() throws IOException {
    List<Path> folders = referenceFolders();
    assertFalse(folders.isEmpty(), "no reference folder with trials.csv under " + ROOT);
    List<String> missing = new ArrayList<>();
    for (Path f : folders) {
      for (String name : INPUTS) {
        if (!Files.exists(f.resolve(name))) {
          missing.add(f.resolve(name).toString());
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void regeneratingEachReferenceReportGivesTheCommittedTables() throws IOException {
    int checked = 0;
    for (Path f : referenceFolders()) {
      Path copy = tmp.resolve(f.getFileName().toString());
      Files.createDirectories(copy);
      try (Stream<Path> files = Files.list(f)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          String name = p.getFileName().toString();
          if (name.endsWith(".csv") || name.endsWith(".properties")) {
            Files.copy(p, copy.resolve(name));
          }
        }
      }
      Report.write(copy);
      List<Path> tables;
      try (Stream<Path> t = Files.list(f.resolve("tables"))) {
        tables = t.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      }
      assertFalse(tables.isEmpty(), f + " has no committed tables");
      for (Path committed : tables) {
        Path regenerated = copy.resolve("tables").resolve(committed.getFileName());
        assertTrue(Files.exists(regenerated), regenerated + " was not regenerated");
        assertEquals(Files.readString(committed), Files.readString(regenerated), "table " + committed);
      }
      checked++;
    }
    assertTrue(checked > 0);
  }

  @Test
  void legacyFoldersSayTheyCannotBeReverified() throws IOException {
    Path legacy = ROOT.resolve("legacy");
    if (!Files.isDirectory(legacy)) {
      return;
    }
    String readme = Files.readString(legacy.resolve("README.md"));
    assertTrue(readme.contains("cannot be re-verified"), readme);
  }

  /**
   * results/reference/datasets (the README's table across datasets and probes) is a combined report of
   * other reference folders; regenerating it from the folders its table names gives the committed table.
   */
  @Test
  void theDatasetsTableIsRegeneratedFromTheFoldersItNames() throws IOException {
    Path datasets = ROOT.resolve("datasets");
    Path committed = datasets.resolve("tables/combined-folders.csv");
    assertTrue(Files.exists(committed), committed + " is missing; the README's table across datasets quotes it");
    List<Path> folders = Csv.read(committed).rows().stream().map(r -> ROOT.resolve(r.get("folder"))).toList();
    assertFalse(folders.isEmpty());
    Path out = tmp.resolve("datasets");
    CombinedReport.write(folders, out);
    for (String table : List.of("combined-folders.csv", "combined-arms.csv")) {
      assertEquals(Files.readString(datasets.resolve("tables").resolve(table)),
          Files.readString(out.resolve("tables").resolve(table)), table);
    }
  }
}
