package org.cxrlstm.split;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.CsvException;

/**
 * {@code split.csv}: one row per image, {@code index,file,label,patient_id,partition,fold}, with
 * {@code partition} = {@code test} or {@code train} and {@code fold} the 0-based validation fold of a
 * training image (blank for test images). Anyone can audit a split from it; reading it back checks
 * that it matches the dataset row by row and does not leak.
 */
public final class SplitFile {
  public static final String[] COLUMNS = {"index", "file", "label", "patient_id", "partition", "fold"};

  private SplitFile() {}

  /** Writes {@code split} of {@code dataset} (checked to be a partition without identical images on two sides). */
  public static void write(Path file, Dataset dataset, Split split) throws IOException {
    split.check(dataset, false);
    String[] partition = new String[dataset.size()];
    String[] fold = new String[dataset.size()];
    for (int i : split.test()) {
      partition[i] = "test";
      fold[i] = "";
    }
    for (Fold f : split.folds()) {
      for (int i : f.validation()) {
        partition[i] = "train";
        fold[i] = Integer.toString(f.index());
      }
    }
    Csv.writeRows(file, List.of(COLUMNS), csv -> {
      for (int i = 0; i < dataset.size(); i++) {
        ImageEntry e = dataset.entry(i);
        csv.row(i, e.file(), dataset.classes().get(e.label()), e.patientId(), partition[i], fold[i]);
      }
    });
  }

  /** Reads a patient-grouped split; see {@link #read(Path, Dataset, boolean)}. */
  public static Split read(Path file, Dataset dataset) throws IOException {
    return read(file, dataset, true);
  }

  /**
   * Reads {@code file} for {@code dataset}; every mismatch is reported by line and column, and the
   * split is checked ({@link Split#check(Dataset, boolean)}; patients too when {@code byPatient}).
   */
  public static Split read(Path file, Dataset dataset, boolean byPatient) throws IOException {
    List<String> problems = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    Map<Integer, List<Integer>> folds = new TreeMap<>();
    boolean[] seen = new boolean[dataset.size()];
    Csv.Table table;
    try {
      table = Csv.read(file);
    } catch (CsvException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!table.header().equals(List.of(COLUMNS))) {
      throw new IllegalArgumentException(file + ": line 1: header " + table.header()
          + " is not " + List.of(COLUMNS));
    }
    for (Csv.Row rec : table.rows()) {
      String where = file + ": line " + rec.line() + ": ";
      int index = parseIndex(rec.get("index"), dataset.size());
      if (index < 0) {
        problems.add(where + "column 'index': '" + rec.get("index") + "' is not in 0.." + (dataset.size() - 1));
        continue;
      }
      ImageEntry e = dataset.entry(index);
      if (seen[index]) {
        problems.add(where + "column 'index': image " + index + " listed twice");
      }
      seen[index] = true;
      if (!rec.get("file").equals(e.file()) || !rec.get("label").equals(dataset.classes().get(e.label()))
          || !rec.get("patient_id").equals(e.patientId())) {
        problems.add(where + "columns 'file','label','patient_id': " + rec.get("file") + "," + rec.get("label")
            + "," + rec.get("patient_id") + " do not match the dataset's image " + index + " (" + e.file() + ")");
      }
      String partition = rec.get("partition");
      if (partition.equals("test") && rec.get("fold").isEmpty()) {
        test.add(index);
      } else if (partition.equals("train") && parseIndex(rec.get("fold"), Integer.MAX_VALUE) >= 0) {
        folds.computeIfAbsent(Integer.parseInt(rec.get("fold")), k -> new ArrayList<>()).add(index);
      } else {
        problems.add(where + "columns 'partition','fold': '" + partition + "','" + rec.get("fold")
            + "' (expected test with a blank fold, or train with a fold number)");
      }
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        problems.add(file + ": image " + i + " (" + dataset.entry(i).file() + ") is missing");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("split file " + file + " does not fit " + dataset + ":\n  "
          + String.join("\n  ", problems));
    }
    Split split = new Split(test.stream().mapToInt(Integer::intValue).toArray(), toFolds(file, folds));
    split.check(dataset, byPatient);
    return split;
  }

  private static List<Fold> toFolds(Path file, Map<Integer, List<Integer>> folds) {
    List<Fold> out = new ArrayList<>();
    int k = 0;
    for (Map.Entry<Integer, List<Integer>> f : folds.entrySet()) {
      if (f.getKey() != k++) {
        throw new IllegalArgumentException(file + ": folds are not numbered 0.." + (folds.size() - 1) + ": " + folds.keySet());
      }
      int[] validation = f.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
      int[] train = folds.entrySet().stream().filter(o -> !o.getKey().equals(f.getKey()))
          .flatMap(o -> o.getValue().stream()).mapToInt(Integer::intValue).sorted().toArray();
      out.add(new Fold(f.getKey(), train, validation));
    }
    return out;
  }

  private static int parseIndex(String raw, int limit) {
    try {
      int v = Integer.parseInt(raw.trim());
      return v >= 0 && v < limit ? v : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
