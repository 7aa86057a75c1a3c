package org.cxrlstm.train;

/**
 * The run was asked to stop (SIGTERM, as Slurm sends before preemption or the time limit) and has
 * written a checkpoint to resume from; not a failure.
 */
public final class PreemptedException extends RuntimeException {
  /**
   * The process's exit code after it: EX_TEMPFAIL of sysexits.h, a temporary failure to retry. The
   * Slurm script requeues the task on it; the Kubernetes Job retries the index without counting it.
   */
  public static final int EXIT_CODE = 75;

  public PreemptedException(String message) {
    super(message);
  }
}
