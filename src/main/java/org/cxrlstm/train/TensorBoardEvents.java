package org.cxrlstm.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * TensorBoard event files of one training run, written with TensorFlow's own summary ops
 * ({@code SummaryWriter}, {@code CreateSummaryFileWriter}, {@code WriteScalarSummary}), so
 * {@code tensorboard --logdir DIR} shows the curves. The ops live in a small Graph and Session of
 * their own: the training graph stays as the paper describes it and its optimizer never sees them.
 * Per epoch: training and validation loss and accuracy, and the learning rate; NaN values (no
 * validation set) are left out. {@link #close} closes the writer, the session and the graph.
 */
public final class TensorBoardEvents implements TrainingListener, AutoCloseable {
  /** Scalar tags, in the order of {@link #values(EpochRecord)}. */
  public static final List<String> TAGS = List.of("loss/train", "loss/validation", "accuracy/train",
      "accuracy/validation", "learning_rate");
  private static final AtomicLong WRITERS = new AtomicLong();
  /** Events queued before the writer flushes; every epoch is flushed anyway. */
  private static final int MAX_QUEUE = 10;
  private static final int FLUSH_MILLIS = 60_000;

  private final Graph graph;
  private final Session session;
  private final Placeholder<TInt64> step;
  private final List<Placeholder<TFloat32>> values = new ArrayList<>();
  private final List<Op> writes = new ArrayList<>();
  private final Op flush;
  private final Op closeWriter;
  private boolean closed;

  private TensorBoardEvents(Path dir) {
    graph = new Graph();
    Session opened = null;
    try {
      Ops tf = Ops.create(graph);
      // a name unique in this process: the writer resource must not be shared with another run
      SummaryWriter writer = tf.summary.summaryWriter(SummaryWriter.sharedName(
          "cxrlstm_events_" + ProcessHandle.current().pid() + "_" + WRITERS.incrementAndGet()));
      Op create = tf.summary.createSummaryFileWriter(writer, tf.constant(dir.toAbsolutePath().toString()),
          tf.constant(MAX_QUEUE), tf.constant(FLUSH_MILLIS), tf.constant(".v2"));
      step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      for (String tag : TAGS) {
        Placeholder<TFloat32> v = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        values.add(v);
        writes.add(tf.summary.writeScalarSummary(writer, step, tf.constant(tag), v));
      }
      flush = tf.summary.flushSummaryWriter(writer);
      closeWriter = tf.summary.closeSummaryWriter(writer);
      // one thread is plenty for a handful of scalars per epoch
      opened = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(1)
          .setInterOpParallelismThreads(1).build());
      opened.run(create);
      session = opened;
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      graph.close();
      throw e;
    }
  }

  /** Opens an event file in {@code dir} (created if needed). */
  public static TensorBoardEvents open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the TensorBoard folder " + dir, e);
    }
    return new TensorBoardEvents(dir);
  }

  /** The values of {@link #TAGS} for one epoch. */
  static double[] values(EpochRecord r) {
    return new double[] {r.trainLoss(), r.validationLoss(), r.trainAccuracy(), r.validationAccuracy(),
        r.learningRateNow()};
  }

  @Override
  public void onEpochEnd(EpochRecord record) {
    double[] v = values(record);
    List<TFloat32> tensors = new ArrayList<>();
    try (TInt64 epoch = TInt64.scalarOf(record.epoch())) {
      Session.Runner runner = session.runner().feed(step, epoch);
      for (int k = 0; k < v.length; k++) {
        if (Double.isFinite(v[k])) {
          TFloat32 t = TFloat32.scalarOf((float) v[k]);
          tensors.add(t);
          runner.feed(values.get(k), t).addTarget(writes.get(k));
        }
      }
      runner.addTarget(flush);
      try (Result ignored = runner.run()) {
        // targets only: nothing fetched
      }
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      session.run(closeWriter);
    } finally {
      try {
        session.close();
      } finally {
        graph.close();
      }
    }
  }
}
