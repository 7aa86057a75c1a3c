package org.cxrlstm.train.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Which instruction set oneDNN chose on this machine, and the CPU flags that decide it. oneDNN
 * picks its kernels once per process from the CPU (capped by {@code ONEDNN_MAX_CPU_ISA}), and
 * float32 results can differ between kernels (another blocking, another summation order, FMA or
 * not), so two hosts repeat each other bit for bit only where they run the same ISA.
 *
 * <p>oneDNN reports its choice only on native stdout ({@code ONEDNN_VERBOSE=1}), which a JVM
 * cannot capture from its own native code, and reads its environment variables once, when the
 * library loads. So the choice is read from a child JVM that runs one small convolution with
 * {@code ONEDNN_VERBOSE=1} (and the given {@code ONEDNN_MAX_CPU_ISA}) and prints oneDNN's
 * {@code isa:} line; {@link #main} is that child.
 */
public final class OneDnnIsa {
  /** The flags of /proc/cpuinfo that decide oneDNN's x86 kernels. */
  public static final List<String> RELEVANT_FLAGS = List.of("sse4_1", "sse4_2", "avx", "fma", "f16c", "avx2",
      "avx_vnni", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512_vnni", "avx512_bf16", "avx512_fp16",
      "amx_tile", "amx_bf16", "amx_int8");
  private static final String MARKER = "onednn_verbose,";

  private OneDnnIsa() {}

  /** The relevant flags of a /proc/cpuinfo flags line, in {@link #RELEVANT_FLAGS} order, space-separated. */
  public static String relevantFlags(String cpuFlags) {
    List<String> present = List.of(cpuFlags.trim().split("\\s+"));
    return String.join(" ", RELEVANT_FLAGS.stream().filter(present::contains).toList());
  }

  /**
   * The ISA oneDNN reports in a child JVM on {@code classpath} (which must hold this class and
   * TensorFlow) with {@code maxIsa} as {@code ONEDNN_MAX_CPU_ISA} (blank: as inherited), e.g.
   * {@code Intel AVX-512 with Intel DL Boost and bfloat16 support}; or "unknown (reason)" when the
   * child fails or oneDNN prints nothing (a build without oneDNN). Takes a few seconds: a JVM start
   * and TensorFlow's load.
   */
  public static String probe(String classpath, String maxIsa) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, OneDnnIsa.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("ONEDNN_VERBOSE", "1");
    env.put("TF_CPP_MIN_LOG_LEVEL", "3");
    if (maxIsa != null && !maxIsa.isBlank()) {
      env.put("ONEDNN_MAX_CPU_ISA", maxIsa.trim());
    }
    try {
      Process p = pb.start();
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroy();
        return "unknown (probe timed out)";
      }
      return isaOf(new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown (interrupted)";
    }
  }

  /** The value of the {@code isa:} field of oneDNN's verbose info line in {@code output}. */
  public static String isaOf(String output) {
    for (String line : output.lines().toList()) {
      int at = line.indexOf(MARKER);
      int isa = line.indexOf(",isa:");
      if (at >= 0 && isa > at) {
        return line.substring(isa + ",isa:".length()).trim();
      }
    }
    return "unknown (oneDNN printed no isa line; TensorFlow built without oneDNN, or oneDNN off)";
  }

  /** The child: one 3x3 convolution on an 8x8 image, enough for oneDNN to initialise and report. */
  public static void main(String[] args) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
      var conv = tf.nn.conv2d(x, tf.constant(new float[3][3][1][4]), List.of(1L, 1L, 1L, 1L), "SAME");
      try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, 8, 8, 1));
          var result = s.runner().feed(x, in).fetch(conv).run()) {
        System.out.println(String.format(Locale.ROOT, "probe ran: %d outputs", result.size()));
      }
    }
  }
}
