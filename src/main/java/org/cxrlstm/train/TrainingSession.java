package org.cxrlstm.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.BatchIterator;
import org.cxrlstm.eval.Probabilities;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.ModelGraph;
import org.cxrlstm.model.ModelSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One model in its own Graph and Session. A fresh one is built for every training run, because
 * the optimizer trains every variable it finds in the graph; the learning rate is fed
 * with each step ({@link FedRateAdam}), so decay needs no new graph. Tensors live only inside the
 * method that feeds or fetches them.
 */
public final class TrainingSession implements AutoCloseable {
  /** Name of the fed learning-rate scalar in training graphs. */
  public static final String LEARNING_RATE = "learning_rate";

  private final Graph graph;
  private final Session session;
  private final ModelGraph model;
  private final Op train;
  private final Placeholder<TFloat32> learningRateInput;
  private double learningRate;

  private TrainingSession(Graph graph, Session session, ModelGraph model, Op train,
      Placeholder<TFloat32> learningRateInput, double learningRate) {
    this.graph = graph;
    this.session = session;
    this.model = model;
    this.train = train;
    this.learningRateInput = learningRateInput;
    this.learningRate = learningRate;
  }

  /**
   * A model with fresh seeded weights and an Adam step starting at {@code learningRate}; the rate
   * is fed with every step, so {@link #setLearningRate} changes it without a new graph.
   */
  public static TrainingSession forTraining(Architecture arch, ModelSpec spec, double learningRate,
      long seed, Compute compute) {
    return open(arch, spec, seed, compute, learningRate);
  }

  /** A model without optimizer, for weights restored from a checkpoint or saved model. */
  public static TrainingSession forInference(Architecture arch, ModelSpec spec, Compute compute) {
    return open(arch, spec, 0, compute, Double.NaN);
  }

  private static TrainingSession open(Architecture arch, ModelSpec spec, long seed, Compute compute,
      double learningRate) {
    Graph graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      ModelGraph model = arch.build(tf, spec, seed);
      Placeholder<TFloat32> rate = null;
      Op train = null;
      if (!Double.isNaN(learningRate)) {
        checkRate(learningRate);
        rate = tf.withName(LEARNING_RATE).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        train = new FedRateAdam(graph, rate).minimize(model.loss(), "train");
      }
      return new TrainingSession(graph, new Session(graph, compute.config()), model, train, rate, learningRate);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Adam's learning rate for the next steps (NaN for an inference session). */
  public double learningRate() {
    return learningRate;
  }

  /** Changes Adam's learning rate from the next step on (learning-rate decay). */
  public void setLearningRate(double rate) {
    if (train == null) {
      throw new IllegalStateException("this session was opened for inference only");
    }
    checkRate(rate);
    learningRate = rate;
  }

  private static void checkRate(double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("learning rate " + rate + " must be a finite number > 0");
    }
  }

  public ModelGraph model() {
    return model;
  }

  /** The graph, for callers that add their own ops (Grad-CAM's gradients). */
  public Graph graph() {
    return graph;
  }

  public Session session() {
    return session;
  }

  /** One Adam step on {@code batch}; returns the batch's mean loss and correct count. */
  public StepResult step(Batch batch, double dropout) {
    if (train == null) {
      throw new IllegalStateException("this session was opened for inference only");
    }
    try (TFloat32 images = images(batch);
        TFloat32 labels = oneHot(batch);
        TFloat32 rate = TFloat32.scalarOf((float) dropout);
        TFloat32 lr = TFloat32.scalarOf((float) learningRate);
        Result r = session.runner()
            .feed(model.images(), images)
            .feed(model.labels(), labels)
            .feed(model.dropoutRate(), rate)
            .feed(learningRateInput, lr)
            .fetch(model.loss())
            .fetch(model.probabilities())
            .addTarget(train)
            .run()) {
      float loss = ((TFloat32) r.get(0)).getFloat();
      float[][] p = copy((TFloat32) r.get(1), batch.count());
      int correct = 0;
      for (int i = 0; i < batch.count(); i++) {
        if (Probabilities.argMax(p[i]) == batch.labels()[i]) {
          correct++;
        }
      }
      return new StepResult(loss, correct, batch.count());
    }
  }

  /** Probabilities and loss on every batch of {@code batches}, dropout off. */
  public Predictions evaluate(BatchIterator batches) {
    List<Batch> seen = new ArrayList<>();
    List<float[][]> probs = new ArrayList<>();
    double lossSum = 0;
    while (batches.hasNext()) {
      Batch batch = batches.next();
      try (TFloat32 images = images(batch);
          TFloat32 labels = oneHot(batch);
          Result r = session.runner()
              .feed(model.images(), images)
              .feed(model.labels(), labels)
              .fetch(model.loss())
              .fetch(model.probabilities())
              .run()) {
        lossSum += ((TFloat32) r.get(0)).getFloat() * (double) batch.count();
        probs.add(copy((TFloat32) r.get(1), batch.count()));
        seen.add(batch);
      }
    }
    return collect(seen, probs, lossSum);
  }

  /** Writes all variables (Adam's slots included) to {@code prefix}. */
  public void checkpoint(Path prefix) {
    session.save(prefix.toString());
  }

  /** Restores all variables saved under {@code prefix} by a graph of the same spec. */
  public void restore(Path prefix) {
    session.restore(prefix.toString());
  }

  @Override
  public void close() {
    try {
      session.close();
    } finally {
      graph.close();
    }
  }

  private TFloat32 images(Batch batch) {
    int s = model.spec().inputSize();
    long expected = (long) batch.count() * s * s;
    if (batch.images().length != expected) {
      throw new IllegalArgumentException("batch holds " + batch.images().length + " floats, expected "
          + batch.count() + " images of " + s + "x" + s + " = " + expected);
    }
    return TFloat32.tensorOf(Shape.of(batch.count(), s, s, 1), DataBuffers.of(batch.images(), true, false));
  }

  private TFloat32 oneHot(Batch batch) {
    int k = model.spec().classes();
    float[] y = new float[batch.count() * k];
    for (int i = 0; i < batch.count(); i++) {
      int label = batch.labels()[i];
      if (label < 0 || label >= k) {
        throw new IllegalArgumentException("label " + label + " of image " + batch.indices()[i]
            + " is outside 0.." + (k - 1));
      }
      y[i * k + label] = 1f;
    }
    return TFloat32.tensorOf(Shape.of(batch.count(), k), DataBuffers.of(y, true, false));
  }

  private static float[][] copy(TFloat32 t, int rows) {
    int k = (int) t.shape().get(1);
    float[] flat = new float[rows * k];
    t.copyTo(DataBuffers.of(flat, false, false));
    float[][] out = new float[rows][k];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(flat, i * k, out[i], 0, k);
    }
    return out;
  }

  private static Predictions collect(List<Batch> batches, List<float[][]> probs, double lossSum) {
    int n = batches.stream().mapToInt(Batch::count).sum();
    int[] indices = new int[n];
    int[] labels = new int[n];
    float[][] p = new float[n][];
    int at = 0;
    for (int b = 0; b < batches.size(); b++) {
      Batch batch = batches.get(b);
      for (int i = 0; i < batch.count(); i++, at++) {
        indices[at] = batch.indices()[i];
        labels[at] = batch.labels()[i];
        p[at] = probs.get(b)[i];
      }
    }
    return new Predictions(indices, labels, p, n == 0 ? Double.NaN : lossSum / n);
  }
}
