package org.cxrlstm.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.eval.Spread;
import org.cxrlstm.results.io.Csv;

/**
 * One row of {@code summary.csv}: one metric of one arm over its fold models (mean, sample sd, min,
 * max; NaN where not defined) and the arm's fold-ensemble value where the ensemble has one.
 *
 * @param arm value per arm column ({@link Trial#ARM_COLUMNS})
 * @param n   how many fold models had a value
 */
public record SummaryRow(Map<String, String> arm, String metric, int n, double mean, double sd, double min,
    double max, double ensemble) {
  static final List<String> STATISTICS = List.of("metric", "n", "mean", "sd", "min", "max", "ensemble");

  public SummaryRow {
    arm = Collections.unmodifiableMap(new LinkedHashMap<>(arm));
  }

  /** The row of {@code values}: their {@link Spread} (sd NaN below two values). */
  static SummaryRow of(Map<String, String> arm, String metric, double[] values, double ensemble) {
    Spread s = Spread.of(values);
    boolean none = s.n() == 0;
    return new SummaryRow(arm, metric, s.n(), none ? Double.NaN : s.mean(), s.n() > 1 ? s.sd() : Double.NaN,
        none ? Double.NaN : s.min(), none ? Double.NaN : s.max(), ensemble);
  }

  public static List<String> header() {
    return Rows.header(Trial.ARM_COLUMNS, STATISTICS, List.of());
  }

  public List<String> cells() {
    List<String> row = new ArrayList<>(Rows.cells(arm, Trial.ARM_COLUMNS));
    row.addAll(List.of(metric, String.valueOf(n), TrialFiles.number(mean), TrialFiles.number(sd),
        TrialFiles.number(min), TrialFiles.number(max), TrialFiles.number(ensemble)));
    return row;
  }

  public static List<SummaryRow> read(Path path) throws IOException {
    return Csv.read(path, header()).rows().stream().map(r -> new SummaryRow(Rows.arm(r),
        r.nonBlank("metric"), r.integer("n"), r.real("mean"), r.real("sd"), r.real("min"), r.real("max"),
        r.real("ensemble"))).toList();
  }
}
