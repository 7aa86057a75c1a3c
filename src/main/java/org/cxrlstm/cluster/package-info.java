/**
 * Scale-out of an experiment's trials beyond one process: local worker processes, a Slurm job
 * array with a dependent merge job, and a Kubernetes Indexed Job with a merge Job. Each trial runs
 * the same harness entry point with its index taken from the scheduler's environment
 * ({@code SLURM_ARRAY_TASK_ID}, {@code JOB_COMPLETION_INDEX}); the merge step gathers the results.
 * Nothing here imports TensorFlow or the experiment package: emitters are pure text builders.
 */
package org.cxrlstm.cluster;
