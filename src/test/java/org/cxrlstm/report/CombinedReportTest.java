package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cxrlstm.metadata.MetadataBaseline;
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

  /** Per-fold test accuracy of one arch in trials.csv, indexed by fold. */
  private static double[] byFold(Path folder, String arch) throws IOException {
    double[] acc = new double[5];
    for (Csv.Row r : Csv.read(folder.resolve("trials.csv")).rows()) {
      if (r.get("arch").equals(arch) && r.get("status").equals("done")) {
        acc[Integer.parseInt(r.get("fold"))] = Double.parseDouble(r.get("test_accuracy"));
      }
    }
    return acc;
  }

  @Test
  void oneRowPerFolderWithItsPairedDifferenceMetadataBaselineAndPublishedNumber() throws IOException {
    Path a = new ResultsFixture().arm("cnn", "0.0001", "none", 0.7).arm("cnn-lstm", "0.0001", "none", 0.9)
        .write(dir.resolve("islam"));
    Path b = new ResultsFixture().arm("cnn", "0.0001", "none", 0.8).arm("cnn-lstm", "0.0001", "none", 0.6)
        .write(dir.resolve("dark"));
    Files.writeString(b.resolve("config.properties"), "dataset.manifest=data/covid-darkcovidnet.csv\n",
        StandardOpenOption.APPEND);
    Files.writeString(a.resolve("config.properties"), "dataset.manifest=data/covid-xray-421.csv\n",
        StandardOpenOption.APPEND);
    // metadata baseline of folder a: 3 of 4 ensemble test rows right (Wilson 30.1 .. 95.4); b has none
    Files.writeString(a.resolve(MetadataBaseline.FILE_NAME), String.join(",",
        MetadataBaseline.columns(List.of("covid", "pneumonia", "normal"))) + "\n"
        + "ensemble,test,0,covid/0.png,p0,covid,covid,0.9,0.05,0.05\n"
        + "ensemble,test,1,normal/1.png,p1,normal,normal,0.1,0.1,0.8\n"
        + "ensemble,test,2,normal/2.png,p2,normal,normal,0.1,0.1,0.8\n"
        + "ensemble,test,3,pneumonia/3.png,p3,pneumonia,normal,0.1,0.4,0.5\n");
    Path out = dir.resolve("combined");
    CombinedReport.write(List.of(a, b), out);
    List<Csv.Row> rows = Csv.read(out.resolve("tables/combined-folders.csv")).rows();
    assertEquals(2, rows.size());
    for (int i = 0; i < 2; i++) {
      Path folder = List.of(a, b).get(i);
      Csv.Row r = rows.get(i);
      assertEquals(folder.getFileName().toString(), r.get("folder"));
      assertEquals("covid / pneumonia / normal", r.get("predicts"));
      assertEquals(String.valueOf(3 * ResultsFixture.TEST_PER_CLASS), r.get("test images"));
      assertEquals(expected(folder, "cnn"), r.get("CNN %"));
      assertEquals(expected(folder, "cnn-lstm"), r.get("CNN-LSTM %"));
      // Nadeau-Bengio by hand: paired fold differences, variance x (1/J + n_test/n_train), t_{0.975, J-1}
      double[] cnn = byFold(folder, "cnn");
      double[] lstm = byFold(folder, "cnn-lstm");
      double mean = 0;
      for (int f = 0; f < 5; f++) {
        mean += (lstm[f] - cnn[f]) / 5;
      }
      double ss = 0;
      for (int f = 0; f < 5; f++) {
        ss += Math.pow(lstm[f] - cnn[f] - mean, 2);
      }
      double nTest = 3 * ResultsFixture.TEST_PER_CLASS;
      double nTrain = (3 * ResultsFixture.PER_CLASS - nTest) * 4 / 5;
      double half = T_975_4 * Math.sqrt(ss / 4 * (1.0 / 5 + nTest / nTrain));
      assertEquals(String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * mean, 100 * (mean - half),
          100 * (mean + half)), r.get("CNN-LSTM - CNN (points)"), folder.toString());
    }
    assertEquals("75.0 [30.1, 95.4]", rows.get(0).get("metadata baseline %"));
    assertEquals("n/a", rows.get(1).get("metadata baseline %"));
    // the paper's Sec. 4.2: CNN 94%, CNN-LSTM 97%, on its own data only
    assertEquals("94 / 97 (Islam et al., CNN / CNN-LSTM)", rows.get(0).get("published %"));
    assertEquals("87.02 (darkcovidnet)", rows.get(1).get("published %"));
  }
}
