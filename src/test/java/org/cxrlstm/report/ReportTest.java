package org.cxrlstm.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cxrlstm.Main;
import org.cxrlstm.report.input.ReportInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir
  Path tmp;

  @Test
  void writesEveryTablePlotAndPage() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn-lstm", "0.0001", "none", 0.9)
        .withFailedTrial().withGradcam().write(tmp.resolve("baseline"));
    Path md = Report.write(dir);
    for (String table : List.of("table1-partition", "table3-cnn", "table4-cnn-lstm", "table5-literature",
        "paper-vs-reproduced", "roc-auc", "calibration", "paired-comparisons", "gradcam-mass", "arms")) {
      assertTrue(Files.size(dir.resolve("tables/" + table + ".csv")) > 0, table + ".csv");
      assertTrue(Files.exists(dir.resolve("tables/" + table + ".md")), table + ".md");
    }
    for (String plot : List.of("fig6-confusion-cnn", "fig6-confusion-cnn-lstm", "training-accuracy-cnn",
        "training-loss-cnn-lstm", "per-class-cnn", "per-class-cnn-lstm", "cnn-vs-cnn-lstm", "roc-covid",
        "roc-pneumonia", "roc-normal", "reliability")) {
      assertTrue(Files.size(dir.resolve("plots/" + plot + ".png")) > 1000, plot + ".png");
      assertTrue(Files.size(dir.resolve("plots/" + plot + ".svg")) > 1000, plot + ".svg");
    }
    // training time per arm: the fixture's done trials each ran 5 epochs in 7.5 s; cnn lost one fold
    String arms = Files.readString(dir.resolve("tables/arms.md"));
    assertTrue(arms.contains("| 30 | 20 | 1.50 |"), "cnn arm: 4 done trials, 30 s, 20 epochs\n" + arms);
    assertTrue(arms.contains("| 38 | 25 | 1.50 |"), "cnn-lstm arm: 5 done trials, 37.5 s, 25 epochs\n" + arms);
    String report = Files.readString(md);
    assertTrue(Files.readString(dir.resolve("report.html")).contains("<img src=\"plots/fig6-confusion-cnn.png\""));
    assertTrue(report.contains("![") && report.contains("(plots/roc-covid.png)"));
    assertTrue(report.contains("pediatric"), "the confound is stated");
    assertTrue(report.contains("Not for clinical use"));
    assertTrue(report.contains("failed: " + ResultsFixture.id(Map.of("arch", "cnn"), 4).substring(0, 6)),
        "the failed trial is listed");
    assertTrue(report.contains("exact McNemar p = "), "verdict line");
    assertTrue(report.contains("measured here"));
    // Table 1: 30 images per class, 6 test, 24 training split over 5 folds
    String table1 = Files.readString(dir.resolve("tables/table1-partition.csv"));
    assertTrue(table1.contains("COVID-19,30,24,6,20.0,4,5,5,5,5,15"), table1);
    assertTrue(table1.contains("all,90,72,18,20.0,12,15,15,15,15,75"), table1);
    // confusion counts of the CNN-LSTM ensemble sum to the 18 test images
    String table4 = Files.readString(dir.resolve("tables/table4-cnn-lstm.csv"));
    assertTrue(table4.lines().anyMatch(l -> l.startsWith("overall") && l.endsWith(",18")), table4);
  }

  @Test
  void regenerationIsDeterministic() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn-lstm", "0.0001", "none", 0.9)
        .write(tmp.resolve("again"));
    String first = Files.readString(Report.write(dir));
    String table = Files.readString(dir.resolve("tables/table3-cnn.csv"));
    assertEquals(first, Files.readString(Report.write(dir)));
    assertEquals(table, Files.readString(dir.resolve("tables/table3-cnn.csv")));
  }

  @Test
  void sweepsAndShortcutControl() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn", "0.0001", "lungs-out", 0.75)
        .arm("cnn", "0.0001", "lungs-only", 0.5).arm("cnn-lstm", "0.0001", "none", 0.9)
        .arm("cnn-lstm", "0.0001", "lungs-out", 0.8).arm("cnn-lstm", "0.0001", "lungs-only", 0.6)
        .write(tmp.resolve("shortcut"));
    String report = Files.readString(Report.write(dir));
    assertTrue(Files.exists(dir.resolve("plots/ablation.png")));
    assertTrue(report.contains("Shortcut control"));
    assertTrue(report.contains("a fixed rectangle, not a lung segmentation) blacked out"), report);
    // mask pairs (3 per arch) and arch pairs (one per mask value)
    String pairs = Files.readString(dir.resolve("tables/paired-comparisons.csv"));
    assertEquals(1 + 6 + 3, pairs.lines().count(), pairs);

    Path lr = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn", "0.001", "none", 0.7)
        .arm("cnn-lstm", "0.0001", "none", 0.9).arm("cnn-lstm", "0.001", "none", 0.7).write(tmp.resolve("lr"));
    Report.write(lr);
    assertTrue(Files.exists(lr.resolve("plots/lr-sweep-accuracy.png")));
    assertTrue(Files.exists(lr.resolve("plots/lr-sweep-loss.svg")));
    assertFalse(VERTICAL_MARK.matcher(Files.readString(lr.resolve("plots/lr-sweep-accuracy.svg"))).find());
    assertTrue(Files.readString(lr.resolve("report.md")).contains("Mean best-epoch validation loss"));
  }

  @Test
  void theDataCardAndConfoundFollowTheRunsDataset() throws Exception {
    Path cohen = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn-lstm", "0.0001", "none", 0.9)
        .write(tmp.resolve("cohen"));
    Files.writeString(cohen.resolve("config.properties"), "dataset.manifest=data/covid-adult-mixed.csv\n"
        + "data.where=source=cohen\nclasses=covid,pneumonia\nlabel.column=label\n", java.nio.file.StandardOpenOption.APPEND);
    String report = Files.readString(Report.write(cohen));
    assertTrue(report.contains("Data: covid-adult-mixed, the adult control"), report);
    assertTrue(report.contains("Only the images with source=cohen. Classes: covid,pneumonia."), report);
    assertTrue(report.contains("Within one source (cohen)"), report);
    // label.column=label is the default (the diagnosis), recorded by every run: not a probe
    assertFalse(report.contains("Probe:"), report);
    assertFalse(report.contains("Kermany"), "the 421 set's card on another dataset: " + report);

    Path dark = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn-lstm", "0.0001", "none", 0.9)
        .write(tmp.resolve("dark"));
    Files.writeString(dark.resolve("config.properties"), "dataset.manifest=data/covid-darkcovidnet.csv\n",
        java.nio.file.StandardOpenOption.APPEND);
    report = Files.readString(Report.write(dark));
    assertTrue(report.contains("every COVID-19 image comes from the Cohen collection and every pneumonia"), report);
    assertFalse(report.contains("Kermany"), report);

    // the whole adult control, with Grad-CAM: its confound text holds "83%", which once broke a format string
    Path adult = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn-lstm", "0.0001", "none", 0.9)
        .withGradcam().write(tmp.resolve("adult"));
    Files.writeString(adult.resolve("config.properties"), "dataset.manifest=data/covid-adult-mixed.csv\n",
        java.nio.file.StandardOpenOption.APPEND);
    report = Files.readString(Report.write(adult));
    assertTrue(report.contains("x, y 15-85% of the image"), report);
    assertTrue(report.contains("while 83% of pneumonia and 93% of normal images are NIH"), report);

    Path probe = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn-lstm", "0.0001", "none", 0.9)
        .write(tmp.resolve("probe"));
    Files.writeString(probe.resolve("config.properties"), "dataset.manifest=data/covid-adult-mixed.csv\n"
        + "label.column=source\n", java.nio.file.StandardOpenOption.APPEND);
    assertTrue(Files.readString(Report.write(probe)).contains("Probe: the label is the image's source, not a diagnosis"));
  }

  @Test
  void epochSweepMarksThePapersBudgetAsNotRun() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).set("epochs", "10")
        .arm("cnn", "0.0001", "none", 0.85).set("epochs", "40")
        .arm("cnn-lstm", "0.0001", "none", 0.7).set("epochs", "10")
        .arm("cnn-lstm", "0.0001", "none", 0.9).set("epochs", "40").write(tmp.resolve("epochs"));
    Files.writeString(dir.resolve("config.properties"), "patience=0\n", java.nio.file.StandardOpenOption.APPEND);
    String report = Files.readString(Report.write(dir));
    // fixed budgets keep the last epoch's weights, so the loss chart must not call them best-epoch
    assertTrue(report.contains("Mean last-epoch (no early stopping) validation loss"), report);
    // the headline compares the budget nearest the paper's 200 epochs, not the first arm
    assertTrue(report.contains("**Answer:** cnn-lstm epochs=40 vs cnn epochs=40"), report);
    assertTrue(report.contains("the paper's budget of up to 200 epochs, not run at this spec"), report);
    // the mark is drawn in the chart itself (XChart's SVG draws text as paths, so look for the grey dashed
    // vertical line), not only named in the caption
    assertTrue(VERTICAL_MARK.matcher(Files.readString(dir.resolve("plots/epoch-sweep-accuracy.svg"))).find());
    assertFalse(VERTICAL_MARK.matcher(Files.readString(dir.resolve("plots/epoch-sweep-loss.svg"))).find());
  }

  /** The {@code Plots.Mark} line in an SVG: grey, dashed 6/4, x1 == x2. */
  private static final java.util.regex.Pattern VERTICAL_MARK = java.util.regex.Pattern.compile(
      "<line style=\"[^\"]*stroke:rgb\\(128,128,128\\)[^\"]*stroke-dasharray:6,4;\" x1=\"([0-9.]+)\" x2=\"\\1\"");

  @Test
  void lstmUnitsAblationPairsArmsThatDifferInOneSetting() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0003", "none", 0.8).arm("cnn-lstm", "0.0003", "none", 0.9)
        .set("lstm_units", "16").arm("cnn-lstm", "0.0003", "none", 0.85).set("lstm_units", "64")
        .write(tmp.resolve("ablation"));
    String report = Files.readString(Report.write(dir));
    assertTrue(Files.exists(dir.resolve("plots/ablation.png")));
    List<String> pairs = Files.readAllLines(dir.resolve("tables/paired-comparisons.csv"));
    // the CNN's lstm_units (0) follows from its architecture: cnn pairs with both LSTM sizes on arch alone
    assertEquals(List.of("arch", "arch", "lstm_units"), pairs.stream().skip(1).map(l -> l.split(",")[1]).toList());
    assertTrue(report.contains("cnn-lstm lstm_units=64 vs cnn-lstm lstm_units=16 (lstm_units differs)"), report);
  }

  @Test
  void missingColumnNamesFileAndColumn() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).write(tmp.resolve("bad"));
    Path file = dir.resolve("predictions.csv");
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
    ReportInputException e = assertThrows(ReportInputException.class, () -> Report.write(dir));
    assertTrue(e.getMessage().contains("predictions.csv") && e.getMessage().contains("'p_normal'"), e.getMessage());
  }

  @Test
  void unknownClassNamesFileLineAndColumn() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).write(tmp.resolve("bad-class"));
    Path file = dir.resolve("ensemble_predictions.csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    lines.set(3, lines.get(3).replace(",covid,", ",covid19,"));
    Files.write(file, lines);
    ReportInputException e = assertThrows(ReportInputException.class, () -> Report.write(dir));
    assertTrue(e.getMessage().contains("ensemble_predictions.csv:4: column 'label' = 'covid19'"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("report.md")), "no report from bad input");
  }

  @Test
  void emptyFolderIsRefusedAndExistingReportKept() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(dir.resolve("report.md"), "old report");
    ReportInputException e = assertThrows(ReportInputException.class, () -> Report.write(dir));
    assertTrue(e.getMessage().contains("nothing to report") && e.getMessage().contains("trials.csv"), e.getMessage());
    assertEquals("old report", Files.readString(dir.resolve("report.md")));
    assertThrows(ReportInputException.class, () -> Report.write(tmp.resolve("absent")));
  }

  @Test
  void reportCommandRunsThroughMain() throws Exception {
    Path dir = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn-lstm", "0.0001", "none", 0.9)
        .write(tmp.resolve("cmd"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = Main.run("report", Map.of("results", dir.toString()), System.out, errStream);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.exists(dir.resolve("report.html")));
    assertEquals(2, Main.run("report", Map.of("results", tmp.resolve("nope").toString()), System.out, errStream));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"));
  }
}
