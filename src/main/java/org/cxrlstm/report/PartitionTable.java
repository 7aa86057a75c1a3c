package org.cxrlstm.report;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.cxrlstm.report.input.ClassNames;
import org.cxrlstm.report.input.SplitRow;
import org.cxrlstm.report.page.Table;

/** Table 1 of the paper: images per class in total, training, test, and per validation fold, from split.csv. */
final class PartitionTable {
  private PartitionTable() {}

  static Table of(List<SplitRow> split, ClassNames classes) {
    TreeSet<Integer> folds = new TreeSet<>();
    split.stream().filter(r -> !r.test()).forEach(r -> folds.add(r.fold()));
    List<String> header = new ArrayList<>(List.of("class", "total", "training", "test", "test %"));
    folds.forEach(f -> header.add("fold " + f + " (validation)"));
    header.add("patients");
    List<List<String>> rows = new ArrayList<>();
    for (int c = -1; c < classes.count(); c++) {
      final int cls = c;
      List<SplitRow> of = split.stream().filter(r -> cls < 0 || r.label() == cls).toList();
      long test = of.stream().filter(SplitRow::test).count();
      List<String> row = new ArrayList<>(List.of(cls < 0 ? "all" : classes.title(cls),
          Integer.toString(of.size()), Long.toString(of.size() - test), Long.toString(test),
          of.isEmpty() ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * test / of.size())));
      for (int f : folds) {
        row.add(Long.toString(of.stream().filter(r -> !r.test() && r.fold() == f).count()));
      }
      row.add(Long.toString(of.stream().map(r -> r.patientId().isEmpty() ? "#" + r.index() : r.patientId())
          .distinct().count()));
      if (cls >= 0) {
        rows.add(row);
      } else {
        rows.add(0, row);
      }
    }
    rows.add(rows.remove(0));
    return new Table("table1-partition", "Table 1. Partition of the dataset (from split.csv); fold k = the "
        + "training images held out to validate fold model k", header, rows);
  }
}
