package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cxrlstm.results.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombinedReportTest {
  /** Student's t quantile t_{0.975, 4} (five fold models). */
  private static final double T_975_4 = 2.7764451051977987;

  @TempDir
  Path dir;

  /** Mean and 95% t-interval of the done trials' test accuracy of one arch in trials.csv, by hand. */
  private static String expected(Path folder, String arch) throws IOException {
    List<Double> acc = new ArrayList<>();
    for (Csv.Row r : Csv.read(folder.resolve("trials.csv")).rows()) {
      if (r.get("arch").equals(arch) && r.get("status").equals("done")) {
        acc.add(Double.parseDouble(r.get("test_accuracy")));
      }
    }
    double mean = acc.stream().mapToDouble(Double::doubleValue).sum() / acc.size();
    double ss = acc.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
    double half = T_975_4 * Math.sqrt(ss / (acc.size() - 1)) / Math.sqrt(acc.size());
    assertEquals(5, acc.size());
    return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * mean, 100 * (mean - half), 100 * (mean + half));
  }

  @Test
  void armsOfTwoFoldersShareOneTableAndOneChart() throws IOException {
    Path a = new ResultsFixture().arm("cnn", "0.0001", "none", 0.7).arm("cnn-lstm", "0.0001", "none", 0.9)
        .write(dir.resolve("lr-low"));
    Path b = new ResultsFixture().arm("cnn", "0.0003", "none", 0.8).arm("cnn-lstm", "0.0003", "none", 0.6)
        .write(dir.resolve("lr-high"));
    Path out = dir.resolve("combined");
    CombinedReport.write(List.of(a, b), out);
    List<Csv.Row> rows = Csv.read(out.resolve("tables/combined-arms.csv")).rows();
    assertEquals(4, rows.size());
    int i = 0;
    for (Path folder : List.of(a, b)) {
      for (String arch : List.of("cnn", "cnn-lstm")) {
        Csv.Row r = rows.get(i++);
        assertEquals(folder.getFileName().toString(), r.get("folder"));
        assertTrue(r.get("arm").startsWith(arch), r.get("arm"));
        assertEquals("5", r.get("models"));
        assertEquals(expected(folder, arch), r.get("test accuracy %"), folder + " " + arch);
      }
    }
    // only the learning rate differs besides the architecture: a line chart over it
    assertTrue(Files.size(out.resolve("plots/combined-accuracy.png")) > 0);
    assertTrue(Files.readString(out.resolve("report.md")).contains("Test accuracy against"), "line chart caption");
  }

  @Test
  void armsDifferingInACategoryGetBars() throws IOException {
    Path a = new ResultsFixture().arm("cnn", "0.0001", "none", 0.7).write(dir.resolve("full"));
    Path b = new ResultsFixture().arm("cnn", "0.0001", "lungs-out", 0.5).write(dir.resolve("masked"));
    Path out = dir.resolve("combined");
    CombinedReport.write(List.of(a, b), out);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("| full | cnn"), md);
    assertTrue(md.contains("| masked | cnn"), md);
    assertTrue(md.contains(expected(b, "cnn")), md);
    assertTrue(md.contains("Test accuracy per arm"), "bar chart caption: " + md);
  }
}
