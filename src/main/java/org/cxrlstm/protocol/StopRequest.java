package org.cxrlstm.protocol;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM while trials run: Slurm sends it (with {@code --signal}) before preemption or the time
 * limit, Kubernetes before it evicts a pod. Instead of the JVM's default (exit at once, losing the
 * epochs since the last checkpoint) the request is noted; the training loop polls it before each
 * step, writes a checkpoint and stops, and the process exits with {@code Main.REQUEUE}. Installed
 * only around the trial loop, so every other command keeps the default behaviour.
 */
public final class StopRequest implements AutoCloseable {
  private static final AtomicBoolean REQUESTED = new AtomicBoolean();
  private static final Signal TERM = new Signal("TERM");

  private final SignalHandler previous;

  private StopRequest() {
    REQUESTED.set(false);
    previous = Signal.handle(TERM, signal -> REQUESTED.set(true));
  }

  /** Notes SIGTERM from now until {@link #close()}. */
  public static StopRequest install() {
    return new StopRequest();
  }

  /** Whether SIGTERM arrived while installed. */
  public static boolean requested() {
    return REQUESTED.get();
  }

  @Override
  public void close() {
    Signal.handle(TERM, previous);
  }
}
