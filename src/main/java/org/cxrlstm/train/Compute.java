package org.cxrlstm.train;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * How a session computes: intra-op threads, precision, inter-op threads and XLA. Inter-op
 * parallelism defaults to 1 because these graphs are one chain of layers; a second pool only
 * competes for the same cores (the key {@code inter.threads} measures that claim).
 *
 * @param threads      intra-op threads (default: all cores)
 * @param precision    float32 or bf16
 * @param interThreads inter-op threads (default 1)
 * @param xla          TensorFlow's XLA JIT for the whole graph (global_jit_level ON_1)
 */
public record Compute(int threads, Precision precision, int interThreads, boolean xla) {

  public Compute {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " must be >= 1");
    }
    if (interThreads < 1) {
      throw new IllegalArgumentException("inter-op threads " + interThreads + " must be >= 1");
    }
    if (precision == null) {
      throw new IllegalArgumentException("precision must be given");
    }
  }

  /** One inter-op thread, no XLA. */
  public Compute(int threads, Precision precision) {
    this(threads, precision, 1, false);
  }

  /** All cores, float32. */
  public static Compute defaults() {
    return new Compute(Runtime.getRuntime().availableProcessors(), Precision.FLOAT32);
  }

  public Compute withThreads(int n) {
    return new Compute(n, precision, interThreads, xla);
  }

  public Compute withPrecision(Precision p) {
    return new Compute(threads, p, interThreads, xla);
  }

  public Compute withInterThreads(int n) {
    return new Compute(threads, precision, n, xla);
  }

  public Compute withXla(boolean on) {
    return new Compute(threads, precision, interThreads, on);
  }

  public ConfigProto config() {
    RewriterConfig.Toggle bf16 = precision == Precision.BF16 ? RewriterConfig.Toggle.ON : RewriterConfig.Toggle.OFF;
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(interThreads)
        // TensorFlow sizes one process-wide pool by the first session's thread count and ignores
        // the setting of later sessions; a pool per session makes `threads` mean what it says in a
        // process that opens many sessions (tests, in-process sweeps next to worker processes)
        .setUsePerSessionThreads(true)
        .setGraphOptions(GraphOptions.newBuilder()
            .setRewriteOptions(RewriterConfig.newBuilder().setAutoMixedPrecisionOnednnBfloat16(bf16))
            .setOptimizerOptions(OptimizerOptions.newBuilder().setGlobalJitLevel(xla
                ? OptimizerOptions.GlobalJitLevel.ON_1 : OptimizerOptions.GlobalJitLevel.OFF)))
        .build();
  }
}
