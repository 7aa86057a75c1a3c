package org.cxrlstm.cluster;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resources asked of Slurm for each array task (and for the merge job).
 *
 * @param partition {@code --partition}, empty for the cluster's default
 * @param account   {@code --account}, empty for the user's default
 * @param time      {@code --time} per trial, in one of Slurm's forms ({@code MM}, {@code HH:MM:SS}, {@code D-HH:MM:SS})
 * @param cpus      {@code --cpus-per-task}; also the trial's TensorFlow intra-op threads
 * @param memory    {@code --mem} per task, as Slurm writes it ({@code 8G}, {@code 4000M})
 * @param parallel  the {@code %P} of {@code --array}: at most this many trials run at once
 */
public record SlurmResources(Optional<String> partition, Optional<String> account, String time, int cpus,
    String memory, int parallel) {

  private static final Pattern TIME = Pattern.compile("\\d+|\\d+:\\d{2}(:\\d{2})?|\\d+-\\d{1,2}(:\\d{2}(:\\d{2})?)?");
  private static final Pattern MEMORY = Pattern.compile("\\d+[KMGT]?");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.,-]+");

  public SlurmResources {
    partition.ifPresent(p -> requireWord("slurm.partition", p));
    account.ifPresent(a -> requireWord("slurm.account", a));
    if (time == null || !TIME.matcher(time).matches()) {
      throw new IllegalArgumentException("slurm.time '" + time
          + "' is not a Slurm time (minutes, HH:MM:SS or D-HH:MM:SS)");
    }
    if (cpus < 1) {
      throw new IllegalArgumentException("slurm.cpus " + cpus + " must be >= 1");
    }
    if (memory == null || !MEMORY.matcher(memory).matches()) {
      throw new IllegalArgumentException("slurm.mem '" + memory + "' is not a Slurm memory size (e.g. 8G, 4000M)");
    }
    if (parallel < 1) {
      throw new IllegalArgumentException("slurm.parallel " + parallel + " must be >= 1");
    }
  }

  private static void requireWord(String key, String value) {
    if (!WORD.matcher(value).matches()) {
      throw new IllegalArgumentException(key + " '" + value + "' has characters Slurm names do not use");
    }
  }

  /** Memory in MiB, for sizing the JVM heap inside the task. */
  public long memoryMiB() {
    char unit = memory.charAt(memory.length() - 1);
    long n = Long.parseLong(Character.isDigit(unit) ? memory : memory.substring(0, memory.length() - 1));
    return switch (unit) {
      case 'K' -> Math.max(1, n / 1024);
      case 'G' -> n * 1024;
      case 'T' -> n * 1024 * 1024;
      default -> n; // Slurm's default unit is MiB
    };
  }
}
