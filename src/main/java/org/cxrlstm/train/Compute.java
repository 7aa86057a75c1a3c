package org.cxrlstm.train;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * How a session computes: intra-op threads and precision. Inter-op parallelism is 1 because
 * these graphs are one chain of layers; a second pool only competes for the same cores.
 *
 * @param threads   intra-op threads (default: all cores)
 * @param precision float32 or bf16
 */
public record Compute(int threads, Precision precision) {

  public Compute {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " must be >= 1");
    }
    if (precision == null) {
      throw new IllegalArgumentException("precision must be given");
    }
  }

  /** All cores, float32. */
  public static Compute defaults() {
    return new Compute(Runtime.getRuntime().availableProcessors(), Precision.FLOAT32);
  }

  public Compute withThreads(int n) {
    return new Compute(n, precision);
  }

  public Compute withPrecision(Precision p) {
    return new Compute(threads, p);
  }

  ConfigProto config() {
    RewriterConfig.Toggle bf16 = precision == Precision.BF16 ? RewriterConfig.Toggle.ON : RewriterConfig.Toggle.OFF;
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        // TensorFlow sizes one process-wide pool by the first session's thread count and ignores
        // the setting of later sessions; a pool per session makes `threads` mean what it says in a
        // process that opens many sessions (tests, in-process sweeps next to worker processes)
        .setUsePerSessionThreads(true)
        .setGraphOptions(GraphOptions.newBuilder()
            .setRewriteOptions(RewriterConfig.newBuilder().setAutoMixedPrecisionOnednnBfloat16(bf16)))
        .build();
  }
}
