package org.cxrlstm.train.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.BatchIterator;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.ModelSpec;
import org.cxrlstm.model.ModelSummary;
import org.cxrlstm.train.Compute;
import org.cxrlstm.train.TrainingSession;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Throughput of training steps and inference on random data, and of a large MatMul and a large
 * convolution as this machine's practical peak per precision. Inputs are fed through placeholders (constants would be folded once
 * and measure nothing); medians over repeated steps after warm-up.
 */
public final class Benchmark {
  /** Side of the square MatMul that stands for the machine's peak rate. */
  public static final int MATMUL_SIZE = 4096;

  private final Compute compute;
  private final int warmup;
  private final int repeats;

  public Benchmark(Compute compute, int warmup, int repeats) {
    if (warmup < 0 || repeats < 1) {
      throw new IllegalArgumentException("warm-up " + warmup + " must be >= 0 and repeats " + repeats + " >= 1");
    }
    this.compute = compute;
    this.warmup = warmup;
    this.repeats = repeats;
  }

  /** One measured row. */
  public record Row(Architecture arch, ModelSpec spec, int batch, String phase, double imagesPerSecond,
      double gflopsPerSecond) {}

  /**
   * GFLOP/s of a 4096x4096 MatMul at this benchmark's precision (float32, or bfloat16 under the
   * rewrite) whose operands are variables (read, not folded).
   */
  public double matmulGflops() {
    long n = MATMUL_SIZE;
    return gflops(new long[] {n, n}, new long[] {n, n}, (tf, a, b) -> tf.linalg.matMul(a, b), 2.0 * n * n * n);
  }

  /** An operation on two variable operands of the given shapes, built into a graph. */
  private interface Reference {
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b);
  }

  /** GFLOP/s of {@code op} on two random variables (read, not folded) of the given shapes. */
  private double gflops(long[] aShape, long[] bShape, Reference op, double flops) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> a = tf.variable(tf.withInitScope().random.randomUniform(tf.constant(aShape), TFloat32.class));
      Operand<TFloat32> b = tf.variable(tf.withInitScope().random.randomUniform(tf.constant(bShape), TFloat32.class));
      // fetched, not a run target: the bf16 rewrite only converts ops that feed a fetch, so a
      // target-only op would measure float32 in both precisions
      Operand<TFloat32> sum = tf.reduceSum(tf.reshape(op.apply(tf, a, b), tf.constant(new long[] {-1})),
          tf.constant(0));
      try (Session s = new Session(g, compute.config())) {
        double seconds = median(() -> s.runner().fetch(sum).run().close());
        return flops / seconds / 1e9;
      }
    }
  }

  /**
   * The convolution that stands for the machine's convolution peak: a VGG block-3-sized 3x3 layer (a batch of
   * 16 at 56x56 with 256 channels in and out, stride 1, SAME), wide enough for oneDNN's blocked kernels. The
   * 4096 MatMul alone is no peak for bf16 here: oneDNN ran it at 151-210 GFLOP/s while bf16 convolutions in
   * the same run reached 339 (results/reference/bench/onednn-verbose-2026-12-07).
   */
  public static final int[] CONV_SHAPE = {16, 56, 56, 256, 256, 3};

  /** Multiply-adds times 2 of a stride-1 SAME convolution: {@code 2 n h w cout k k cin}. */
  public static double convFlops(int n, int h, int w, int cin, int cout, int k) {
    return 2.0 * n * h * w * cout * k * k * cin;
  }

  /** GFLOP/s of the {@link #CONV_SHAPE} convolution at this benchmark's precision, input and filter variables. */
  public double convGflops() {
    int[] c = CONV_SHAPE;
    return gflops(new long[] {c[0], c[1], c[2], c[3]}, new long[] {c[5], c[5], c[3], c[4]},
        (tf, x, w) -> tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"), convFlops(c[0], c[1], c[2], c[3], c[4], c[5]));
  }

  /** Training (forward, backward, Adam) and inference rates at {@code batch}. */
  public List<Row> measure(Architecture arch, ModelSpec spec, int batch) {
    Batch random = randomBatch(spec, batch);
    ModelSummary summary = ModelSummary.of(arch, spec);
    try (TrainingSession s = TrainingSession.forTraining(arch, spec, 1e-4, 1, compute)) {
      double train = median(() -> s.step(random, spec.dropout()));
      double infer = median(() -> s.evaluate(single(random)));
      return List.of(
          new Row(arch, spec, batch, "train", batch / train, batch / train * summary.trainingFlops() / 1e9),
          new Row(arch, spec, batch, "inference", batch / infer, batch / infer * summary.forwardFlops() / 1e9));
    }
  }

  private double median(Runnable step) {
    for (int i = 0; i < warmup; i++) {
      step.run();
    }
    double[] seconds = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      step.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return repeats % 2 == 1 ? seconds[repeats / 2] : (seconds[repeats / 2 - 1] + seconds[repeats / 2]) / 2;
  }

  private static Batch randomBatch(ModelSpec spec, int batch) {
    Random random = new Random(1);
    int s = spec.inputSize();
    float[] images = new float[batch * s * s];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
    }
    int[] labels = new int[batch];
    int[] indices = new int[batch];
    for (int i = 0; i < batch; i++) {
      labels[i] = i % spec.classes();
      indices[i] = i;
    }
    return new Batch(images, labels, indices, batch);
  }

  private static BatchIterator single(Batch batch) {
    return new BatchIterator() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Batch next() {
        done = true;
        return batch;
      }

      @Override
      public void close() {}
    };
  }

}
