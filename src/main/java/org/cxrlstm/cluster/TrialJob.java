package org.cxrlstm.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every scheduler needs to run one experiment's trials: its name, how many trials its plan
 * holds, the folder the commands run in, and the two commands (one trial, whose index the process
 * reads from its environment, and the merge).
 *
 * @param experiment   experiment name, also used in job names
 * @param trials       number of trials in the plan (array indices 0..trials-1)
 * @param workdir      absolute directory the commands run in (the project checkout, holding results/)
 * @param trialCommand runs the trial whose index the scheduler sets in the environment
 * @param mergeCommand gathers finished trials into the experiment-level results
 */
public record TrialJob(String experiment, int trials, Path workdir, List<String> trialCommand,
    List<String> mergeCommand) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  public TrialJob {
    if (experiment == null || !NAME.matcher(experiment).matches()) {
      throw new IllegalArgumentException("experiment name '" + experiment
          + "' must be lower-case letters, digits and inner dashes (it becomes a job name)");
    }
    if (trials < 1) {
      throw new IllegalArgumentException("plan of '" + experiment + "' has " + trials
          + " trials; a job needs at least 1");
    }
    if (workdir == null || !workdir.isAbsolute()) {
      throw new IllegalArgumentException("workdir '" + workdir + "' must be an absolute path");
    }
    if (trialCommand == null || trialCommand.isEmpty() || mergeCommand == null || mergeCommand.isEmpty()) {
      throw new IllegalArgumentException("trial and merge commands must not be empty");
    }
    trialCommand = List.copyOf(trialCommand);
    mergeCommand = List.copyOf(mergeCommand);
  }

  /** Last array index, {@code trials - 1}. */
  public int lastIndex() {
    return trials - 1;
  }
}
