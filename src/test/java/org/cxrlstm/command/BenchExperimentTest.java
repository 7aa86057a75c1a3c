package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cxrlstm.config.Settings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real bench entry point at a tiny spec with one repeat. */
@Tag("tensorflow")
class BenchExperimentTest {

  @Test
  void writesOneRowPerArchitecturePhaseAndPrecisionWithTheDocumentedColumns(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Settings settings = Settings.of(Map.of("input.size", "32", "width", "0.125", "batch.size", "2",
        "bench.warmup", "0", "bench.repeats", "1", "threads", "1", "precision", "float32",
        "results.dir", dir.toString()));
    new BenchExperiment(new PrintStream(text, true, StandardCharsets.UTF_8)).run(settings);
    Path csv = dir.resolve("bench").resolve("bench.csv");
    try (Reader r = Files.newBufferedReader(csv)) {
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
      assertEquals(List.of(BenchExperiment.COLUMNS), rows.get(0).getParser().getHeaderNames());
      assertEquals(4, rows.size(), "2 architectures x 2 phases");
      for (CSVRecord row : rows) {
        assertEquals("float32", row.get("precision"));
        assertEquals("32", row.get("input_size"));
        double fraction = Double.parseDouble(row.get("fraction_of_matmul"));
        double expected = Double.parseDouble(row.get("gflops_per_s")) / Double.parseDouble(row.get("matmul_gflops_per_s"));
        assertEquals(expected, fraction, 0.01 * expected + 1e-4);
        double matmul = Double.parseDouble(row.get("matmul_gflops_per_s"));
        double conv = Double.parseDouble(row.get("conv_gflops_per_s"));
        assertEquals(Math.max(matmul, conv), Double.parseDouble(row.get("peak_gflops_per_s")), 1e-3 * Math.max(matmul, conv));
        double ofPeak = Double.parseDouble(row.get("gflops_per_s")) / Math.max(matmul, conv);
        assertEquals(ofPeak, Double.parseDouble(row.get("fraction_of_peak")), 0.01 * ofPeak + 1e-4);
        assertTrue(Double.parseDouble(row.get("images_per_s")) > 0);
      }
    }
  }

  @Test
  void theConvolutionReferenceCountsTwoFlopsPerMultiplyAdd() {
    // by hand: 16 images x 56 x 56 outputs x 256 filters, each 3 x 3 x 256 multiply-adds, 2 FLOPs each
    assertEquals(59_190_018_048.0, org.cxrlstm.train.bench.Benchmark.convFlops(16, 56, 56, 256, 256, 3));
  }
}
