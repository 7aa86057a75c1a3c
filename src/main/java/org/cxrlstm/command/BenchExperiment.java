package org.cxrlstm.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ThreadSettings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.ModelSpec;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.Compute;
import org.cxrlstm.train.Precision;
import org.cxrlstm.train.bench.Benchmark;

/**
 * {@code -Dexperiment=bench}: training and inference images/s of both architectures at the paper
 * spec and the CPU baseline spec, each beside this machine's MatMul and convolution rates measured in the
 * same run, per precision (the peak is the faster of the two). Writes {@code results/bench/bench.csv}.
 */
final class BenchExperiment implements Experiment {
  static final String[] COLUMNS = {"arch", "input_size", "width", "batch", "phase", "precision",
      "images_per_s", "gflops_per_s", "matmul_gflops_per_s", "fraction_of_matmul", "threads",
      "conv_gflops_per_s", "peak_gflops_per_s", "fraction_of_peak"};

  private final PrintStream out;

  BenchExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String description() {
    return "measure training/inference images/s and GFLOP/s against a MatMul and a convolution peak (results/bench/bench.csv)";
  }

  @Override
  public Schema schema() {
    return Schema.of("bench", Keys.get("threads"), Keys.get("inter.threads"), Keys.get("xla"),
        Keys.Key.of("batch.size", ValueKind.integer(1, 100_000), "16", "images per measured step"),
        Keys.Key.of("bench.warmup", ValueKind.integer(0, 1000), "2", "untimed steps before measuring"),
        Keys.Key.of("bench.repeats", ValueKind.integer(1, 1000), "5", "timed steps per row"),
        Keys.get("input.size").optional(), Keys.get("width").optional(),
        Keys.Key.of("precision", ValueKind.list(ValueKind.precision()), "float32,bf16", "precisions measured"),
        Keys.get("results.dir"));
  }

  @Override
  public void execute(Settings settings) throws IOException {
    int threads = ThreadSettings.threads(settings);
    ThreadSettings.requireXlaEnvironment(settings, System.getenv());
    int batch = settings.integer("batch.size");
    int warmup = settings.integer("bench.warmup");
    int repeats = settings.integer("bench.repeats");
    List<ModelSpec> specs = settings.has("input.size")
        ? List.of(ModelSpec.cpuBaseline().withInputSize(settings.integer("input.size"))
            .withWidth(settings.real("width", ModelSpec.cpuBaseline().width())))
        : List.of(ModelSpec.paper(), ModelSpec.cpuBaseline());
    List<Precision> precisions = precisions(settings.string("precision"));
    Path file = Path.of(settings.string("results.dir")).resolve("bench").resolve("bench.csv");
    List<List<Object>> rows = new ArrayList<>();
    // precisions interleaved per model, each row right after a MatMul of its own precision: the
    // machine's speed drifts by tens of percent within minutes, and a limit measured long before
    // a row would make its fraction meaningless
    for (ModelSpec spec : specs) {
      for (Architecture arch : Architecture.values()) {
        for (Precision precision : precisions) {
          Compute compute = new Compute(threads, precision, settings.integer("inter.threads"), settings.bool("xla", false));
          Benchmark bench = new Benchmark(compute, warmup, repeats);
          double matmul = bench.matmulGflops();
          double conv = bench.convGflops();
          // the peak of a precision is the faster of its two references, each measured just before the rows
          double peak = Math.max(matmul, conv);
          for (Benchmark.Row r : bench.measure(arch, spec, batch)) {
            double fraction = r.gflopsPerSecond() / matmul;
            out.printf(Locale.ROOT, "  %-8s %3d px width %-5s %-9s %-7s %9.2f images/s %7.1f GFLOP/s"
                + " = %.2f of peak %.1f (MatMul %.1f, conv %.1f)%n", arch, spec.inputSize(), spec.width(),
                r.phase(), precision, r.imagesPerSecond(), r.gflopsPerSecond(), r.gflopsPerSecond() / peak, peak,
                matmul, conv);
            rows.add(List.of(arch.id(), spec.inputSize(), spec.width(), batch, r.phase(), precision.id(),
                round(r.imagesPerSecond()), round(r.gflopsPerSecond()), round(matmul), round(fraction), threads,
                round(conv), round(peak), round(r.gflopsPerSecond() / peak)));
          }
        }
      }
    }
    printSpeedUps(rows);
    write(file, rows);
    out.println("wrote " + file);
  }

  /** The requested precisions; bf16 is dropped with a note where the CPU lacks it, unless asked alone. */
  private List<Precision> precisions(String value) {
    List<Precision> out = new ArrayList<>();
    List<String> asked = List.of(value.split(","));
    for (String p : asked) {
      try {
        out.add(Precision.choose(p, Precision.cpuFlags(), false).precision());
      } catch (IllegalArgumentException e) {
        if (asked.size() == 1 || !p.trim().equals("bf16")) {
          throw new SettingException("precision", p, e.getMessage());
        }
        this.out.println("skipping bf16: " + e.getMessage());
      }
    }
    return out;
  }

  /** bf16 images/s over float32 images/s for every row measured in both precisions. */
  private void printSpeedUps(List<List<Object>> rows) {
    for (List<Object> bf16 : rows) {
      if (!bf16.get(5).equals(Precision.BF16.id())) {
        continue;
      }
      for (List<Object> f32 : rows) {
        if (f32.get(5).equals(Precision.FLOAT32.id()) && f32.subList(0, 5).equals(bf16.subList(0, 5))) {
          double ratio = Double.parseDouble((String) bf16.get(6)) / Double.parseDouble((String) f32.get(6));
          out.printf(Locale.ROOT, "  bf16/float32 %-8s %3s px width %-5s %-9s %.2fx%n",
              bf16.get(0), bf16.get(1), bf16.get(2), bf16.get(4), ratio);
        }
      }
    }
  }

  private static String round(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static void write(Path file, List<List<Object>> rows) throws IOException {
    Csv.write(file, List.of(COLUMNS), rows);
  }
}
