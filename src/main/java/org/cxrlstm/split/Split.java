package org.cxrlstm.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.data.Dataset;

/**
 * A hold-out test set and k folds over the remaining images; all values are indices into
 * {@link Dataset#entries()}.
 */
public record Split(int[] test, List<Fold> folds) {
  public Split {
    test = test.clone();
    folds = List.copyOf(folds);
  }

  @Override
  public int[] test() {
    return test.clone();
  }

  /** Every training image (the union of the folds' validation parts), ascending. */
  public int[] training() {
    return folds.stream().flatMapToInt(f -> java.util.Arrays.stream(f.validation())).sorted().toArray();
  }

  public Fold fold(int index) {
    return folds.get(index);
  }

  /**
   * Images per class in each partition, for Table 1: keys {@code test}, {@code train} (all training
   * images), then {@code fold0}, {@code fold1}, ... (each fold's validation part); values are counts
   * indexed like {@link Dataset#classes()}.
   */
  public Map<String, int[]> classCounts(Dataset dataset) {
    Map<String, int[]> out = new LinkedHashMap<>();
    out.put("test", dataset.classCounts(test));
    out.put("train", dataset.classCounts(training()));
    for (Fold f : folds) {
      out.put("fold" + f.index(), dataset.classCounts(f.validation()));
    }
    return out;
  }

  /**
   * Fails loudly when the split is not a partition of {@code dataset} or leaks: an image missing,
   * repeated, or out of range; a fold whose train and validation parts overlap or do not cover the
   * training images; a patient (or an identical image, by sha256) both in test and training, or in
   * two validation folds.
   */
  public void check(Dataset dataset) {
    check(dataset, true);
  }

  /** {@link #check(Dataset)}, with the patient rule only when {@code byPatient} (identical images always). */
  public void check(Dataset dataset, boolean byPatient) {
    List<String> problems = new ArrayList<>();
    int n = dataset.size();
    String[] place = new String[n];
    assign(place, test, "test", problems);
    for (Fold f : folds) {
      assign(place, f.validation(), "fold " + f.index(), problems);
      if (f.train().length + f.validation().length != n - test.length) {
        problems.add("fold " + f.index() + ": " + f.train().length + " train + " + f.validation().length
            + " validation images, expected " + (n - test.length) + " in all");
      }
      for (int i : f.train()) {
        if (i >= 0 && i < n && ("test".equals(place[i]) || ("fold " + f.index()).equals(place[i]))) {
          problems.add("fold " + f.index() + ": training image " + dataset.entry(i).file() + " is also in " + place[i]);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (place[i] == null) {
        problems.add("image " + i + " (" + dataset.entry(i).file() + ") is in no partition");
      }
    }
    if (problems.isEmpty()) {
      checkGroups(dataset, place, byPatient, problems);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid split of " + dataset.root() + ":\n  " + String.join("\n  ", problems));
    }
  }

  private static void assign(String[] place, int[] indices, String name, List<String> problems) {
    for (int i : indices) {
      if (i < 0 || i >= place.length) {
        problems.add(name + ": index " + i + " outside 0.." + (place.length - 1));
      } else if (place[i] != null) {
        problems.add("image " + i + " is in " + place[i] + " and in " + name);
      } else {
        place[i] = name;
      }
    }
  }

  private static void checkGroups(Dataset dataset, String[] place, boolean byPatient, List<String> problems) {
    Map<String, String> patientPlace = new HashMap<>();
    Map<String, String> imagePlace = new HashMap<>();
    for (int i = 0; i < place.length; i++) {
      String patient = dataset.entry(i).patientId();
      String before = patientPlace.putIfAbsent(patient, place[i]);
      if (byPatient && before != null && !before.equals(place[i])) {
        problems.add("patient '" + patient + "' is in " + before + " and in " + place[i]
            + " (" + dataset.entry(i).file() + ")");
      }
      String sha = dataset.entry(i).sha256();
      String same = imagePlace.putIfAbsent(sha, place[i]);
      if (same != null && !same.equals(place[i])) {
        problems.add("identical image (sha256 " + sha.substring(0, 12) + "...) is in " + same + " and in " + place[i]
            + " (" + dataset.entry(i).file() + ")");
      }
    }
  }
}
