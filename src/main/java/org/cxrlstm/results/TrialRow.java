package org.cxrlstm.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;

/**
 * One row of {@code trials.csv}, whoever writes it (the merge of a sweep's trial folders, or
 * {@code evaluate} for saved models): index, id, the setting columns, status and the result columns.
 *
 * @param index    the trial's index in its plan (evaluate: the model's position)
 * @param id       the trial id (evaluate: the model's name)
 * @param settings value per setting column ({@link Trial#COLUMNS}); missing ones are blank
 * @param status   done, diverged or failed
 * @param results  value per result column ({@link TrialFiles#RESULT_COLUMNS}); missing ones are blank
 */
public record TrialRow(int index, String id, Map<String, String> settings, String status, Map<String, String> results) {
  public TrialRow {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
  }

  /** The columns of trials.csv (without the merge's leading experiment column). */
  public static List<String> header() {
    List<String> header = new ArrayList<>(List.of("trial_index", "trial_id"));
    header.addAll(Trial.COLUMNS);
    header.add("status");
    header.addAll(TrialFiles.RESULT_COLUMNS);
    return header;
  }

  /** The row of a trial folder: the plan's trial, its status and its trial.properties. */
  public static TrialRow of(Trial trial, String status, Map<String, String> properties) {
    return new TrialRow(trial.index(), trial.id(), trial.settings(), status, properties);
  }

  /** The cells in {@link #header()} order. */
  public List<String> cells() {
    List<String> row = new ArrayList<>(List.of(String.valueOf(index), id));
    Trial.COLUMNS.forEach(c -> row.add(settings.getOrDefault(c, "")));
    row.add(status);
    TrialFiles.RESULT_COLUMNS.forEach(c -> row.add(results.getOrDefault(c, "")));
    return row;
  }
}
