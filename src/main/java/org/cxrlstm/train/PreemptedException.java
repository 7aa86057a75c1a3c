package org.cxrlstm.train;

/**
 * The run was asked to stop (SIGTERM, as Slurm sends before preemption or the time limit) and has
 * written a checkpoint to resume from; not a failure.
 */
public final class PreemptedException extends RuntimeException {
  public PreemptedException(String message) {
    super(message);
  }
}
