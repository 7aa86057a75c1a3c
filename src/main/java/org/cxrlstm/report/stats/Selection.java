package org.cxrlstm.report.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.report.input.Arm;
import org.cxrlstm.report.input.ReportInputException;
import org.cxrlstm.report.input.Trial;

/**
 * Model selection on the validation folds only: each arm's fold models are scored by their
 * validation loss (or accuracy) at the epoch early stopping kept, and the arm with the best mean is
 * selected. It reads the {@code val_loss} and {@code val_accuracy} columns of trials.csv and nothing
 * else, so no test image can move the choice. Only arms whose every planned model finished take
 * part: an arm with a diverged or failed fold model is listed but not selectable.
 *
 * @param metric     {@code val_loss} (lowest mean wins) or {@code val_accuracy} (highest mean wins)
 * @param candidates every arm with its validation scores, in arm order
 */
public record Selection(String metric, List<Candidate> candidates) {
  public static final String VAL_LOSS = "val_loss";
  public static final String VAL_ACCURACY = "val_accuracy";

  /** One arm's validation scores over its finished models. */
  public record Candidate(Arm arm, Spread valLoss, Spread valAccuracy, int finished, int planned) {
    public boolean complete() {
      return finished == planned && finished > 0;
    }
  }

  public Selection {
    if (!metric.equals(VAL_LOSS) && !metric.equals(VAL_ACCURACY)) {
      throw new ReportInputException("select.metric '" + metric + "' is neither val_loss nor val_accuracy");
    }
    candidates = List.copyOf(candidates);
  }

  /** The candidates of the trials.csv rows in {@code trials}, arms in order of first appearance. */
  public static Selection of(List<Trial> trials, String metric) {
    return of(trials, Map.of(), metric);
  }

  /**
   * As {@link #of(List, String)}, an arm counting as complete only when all {@code planned} models
   * (per {@link Arm#key}, from plan.csv) finished; an arm plan.csv does not list counts its rows.
   */
  public static Selection of(List<Trial> trials, Map<String, Integer> planned, String metric) {
    Map<Arm, List<Trial>> byArm = new LinkedHashMap<>();
    trials.forEach(t -> byArm.computeIfAbsent(t.arm(), a -> new ArrayList<>()).add(t));
    List<Candidate> out = new ArrayList<>();
    for (Map.Entry<Arm, List<Trial>> e : byArm.entrySet()) {
      List<Trial> done = e.getValue().stream().filter(Trial::done).toList();
      out.add(new Candidate(e.getKey(), Spread.of(done.stream().mapToDouble(Trial::valLoss).toArray()),
          Spread.of(done.stream().mapToDouble(Trial::valAccuracy).toArray()), done.size(),
          Math.max(e.getValue().size(), planned.getOrDefault(e.getKey().key(), 0))));
    }
    return new Selection(metric, out);
  }

  /** The selected arm among those of {@code arch} (null: every architecture), if any arm is complete. */
  public Optional<Candidate> selected(String arch) {
    Comparator<Candidate> best = metric.equals(VAL_LOSS)
        ? Comparator.comparingDouble(c -> c.valLoss().mean())
        : Comparator.comparingDouble((Candidate c) -> c.valAccuracy().mean()).reversed();
    return candidates.stream().filter(Candidate::complete)
        .filter(c -> arch == null || c.arm().arch().equals(arch))
        .filter(c -> !Double.isNaN(score(c)))
        .min(best);
  }

  public double score(Candidate c) {
    return metric.equals(VAL_LOSS) ? c.valLoss().mean() : c.valAccuracy().mean();
  }

  /** Whether {@code arch} has more than one arm, so that there is something to select. */
  public boolean hasChoice(String arch) {
    return candidates.stream().filter(c -> c.arm().arch().equals(arch)).count() > 1;
  }

  /** One line: the selected arm of {@code arch} with its validation evidence. */
  public String line(String arch, List<String> varied) {
    return selected(arch).map(c -> String.format(Locale.ROOT,
            "Selected %s arm (%s of the fold models' %s, validation folds only): %s — mean validation loss %s, "
                + "validation accuracy %s %% (%d models).", arch,
            metric.equals(VAL_LOSS) ? "lowest mean" : "highest mean", metric, c.arm().label(varied),
            c.valLoss().plain(), c.valAccuracy().percent(), c.finished()))
        .orElse("No " + arch + " arm has all its fold models finished: none selected.");
  }
}
