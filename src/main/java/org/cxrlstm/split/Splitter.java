package org.cxrlstm.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;

/**
 * The paper's protocol (Section 3.1): a stratified hold-out test set (15 %) and stratified k-fold
 * cross-validation (k = 5) on the rest, both from one seed, grouped by patient like scikit-learn's
 * {@code StratifiedGroupKFold}: a patient's images (and identical images, by sha256) always stay
 * together, so no patient is both tested and trained on, nor validated in two folds. Further links
 * (near-duplicate images of two patients, {@link NearDuplicates}) join groups the same way; without
 * links the split is the one the patient rule alone gives.
 */
public final class Splitter {
  private Splitter() {}

  /** Stratified, patient-grouped split; see {@link #split(Dataset, double, int, long, boolean)}. */
  public static Split split(Dataset dataset, double testFraction, int folds, long seed) {
    return split(dataset, testFraction, folds, seed, true);
  }

  /**
   * Groups (patients, or single images when {@code grouped} is false) are stratified by their
   * majority class; per class they are shuffled by the seed, the test set takes groups until it
   * holds round(testFraction * class size) images, and the remaining groups go, largest first, to
   * the fold with the fewest images of that class (ties: fewest images overall, then lowest index).
   */
  public static Split split(Dataset dataset, double testFraction, int folds, long seed, boolean grouped) {
    return split(dataset, testFraction, folds, seed, grouped, List.of());
  }

  /** Stratified, patient-grouped split in which the images of each of {@code links} also stay together. */
  public static Split split(Dataset dataset, double testFraction, int folds, long seed, List<int[]> links) {
    return split(dataset, testFraction, folds, seed, true, links);
  }

  private static Split split(Dataset dataset, double testFraction, int folds, long seed, boolean grouped,
      List<int[]> links) {
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
    }
    checkFolds(folds);
    List<List<int[]>> byClass = byClass(dataset, groups(dataset, grouped, links));
    Random random = new Random(seed);
    List<Integer> test = new ArrayList<>();
    List<List<Integer>> validation = emptyFolds(folds);
    for (int c = 0; c < byClass.size(); c++) {
      List<int[]> groups = byClass.get(c);
      Collections.shuffle(groups, random);
      List<int[]> rest = holdOut(groups, testFraction, test);
      checkRest(dataset, c, rest, folds, grouped);
      deal(rest, validation);
    }
    return finish(dataset, test, validation, grouped);
  }

  /**
   * A split whose test set is given (one source left out, say): every group that has an image in
   * {@code inTest} is tested whole, so no patient or near-duplicate reaches training; the other
   * groups are stratified and dealt into folds as in {@link #split(Dataset, double, int, long)}.
   */
  public static Split split(Dataset dataset, boolean[] inTest, int folds, long seed, List<int[]> links) {
    if (inTest.length != dataset.size()) {
      throw new IllegalArgumentException(inTest.length + " test flags for " + dataset.size() + " images");
    }
    checkFolds(folds);
    List<int[]> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int[] group : groups(dataset, true, links)) {
      if (java.util.Arrays.stream(group).anyMatch(i -> inTest[i])) {
        java.util.Arrays.stream(group).forEach(test::add);
      } else {
        train.add(group);
      }
    }
    if (test.isEmpty() || train.isEmpty()) {
      throw new IllegalArgumentException("the given test set leaves " + test.size() + " test and "
          + (dataset.size() - test.size()) + " training images; both must be non-empty");
    }
    List<List<int[]>> byClass = byClass(dataset, train);
    Random random = new Random(seed);
    List<List<Integer>> validation = emptyFolds(folds);
    for (int c = 0; c < byClass.size(); c++) {
      List<int[]> groups = byClass.get(c);
      Collections.shuffle(groups, random);
      checkRest(dataset, c, groups, folds, true);
      deal(groups, validation);
    }
    return finish(dataset, test, validation, true);
  }

  private static void checkFolds(int folds) {
    if (folds < 2) {
      throw new IllegalArgumentException("need at least 2 folds, got " + folds);
    }
  }

  private static void checkRest(Dataset dataset, int c, List<int[]> rest, int folds, boolean grouped) {
    if (!rest.isEmpty() && rest.size() < folds) {
      throw new IllegalArgumentException("class '" + dataset.classes().get(c) + "' has " + rest.size()
          + (grouped ? " patients" : " images") + " outside the test set, fewer than " + folds + " folds");
    }
  }

  private static List<List<int[]>> byClass(Dataset dataset, List<int[]> groups) {
    int classes = dataset.classes().size();
    List<List<int[]>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int[] group : groups) {
      byClass.get(majorityLabel(dataset, group, classes)).add(group);
    }
    return byClass;
  }

  private static List<List<Integer>> emptyFolds(int folds) {
    List<List<Integer>> validation = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      validation.add(new ArrayList<>());
    }
    return validation;
  }

  private static Split finish(Dataset dataset, List<Integer> test, List<List<Integer>> validation, boolean grouped) {
    int folds = validation.size();
    List<Fold> out = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      List<Integer> train = new ArrayList<>();
      for (int g = 0; g < folds; g++) {
        if (g != f) {
          train.addAll(validation.get(g));
        }
      }
      out.add(new Fold(f, sorted(train), sorted(validation.get(f))));
    }
    Split split = new Split(sorted(test), out);
    split.check(dataset, grouped);
    return split;
  }

  /** Moves groups into {@code test} until it holds the class's share; returns the others. */
  private static List<int[]> holdOut(List<int[]> groups, double fraction, List<Integer> test) {
    int total = groups.stream().mapToInt(g -> g.length).sum();
    long target = Math.round(fraction * total);
    int taken = 0;
    List<int[]> rest = new ArrayList<>();
    for (int[] g : groups) {
      if (Math.abs(taken + g.length - target) < Math.abs(taken - target)) {
        taken += g.length;
        for (int i : g) {
          test.add(i);
        }
      } else {
        rest.add(g);
      }
    }
    return rest;
  }

  /** Largest group first, each to the fold with the fewest images of this class, then overall. */
  private static void deal(List<int[]> groups, List<List<Integer>> validation) {
    List<int[]> ordered = new ArrayList<>(groups);
    ordered.sort(Comparator.comparingInt((int[] g) -> -g.length));
    int[] classCount = new int[validation.size()];
    for (int[] g : ordered) {
      int best = 0;
      for (int f = 1; f < validation.size(); f++) {
        if (classCount[f] < classCount[best]
            || (classCount[f] == classCount[best] && validation.get(f).size() < validation.get(best).size())) {
          best = f;
        }
      }
      classCount[best] += g.length;
      for (int i : g) {
        validation.get(best).add(i);
      }
    }
  }

  /** Images that must stay together: same patient id or same sha256 (union-find), in index order. */
  static List<int[]> groups(Dataset dataset, boolean byPatient) {
    return groups(dataset, byPatient, List.of());
  }

  /** {@link #groups(Dataset, boolean)}, with the images of each of {@code links} joined as well. */
  static List<int[]> groups(Dataset dataset, boolean byPatient, List<int[]> links) {
    int n = dataset.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstOfPatient = new HashMap<>();
    Map<String, Integer> firstOfImage = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ImageEntry e = dataset.entry(i);
      if (byPatient) {
        union(parent, i, firstOfPatient.computeIfAbsent(e.patientId(), k -> -1), firstOfPatient, e.patientId());
      }
      union(parent, i, firstOfImage.computeIfAbsent(e.sha256(), k -> -1), firstOfImage, e.sha256());
    }
    for (int[] link : links) {
      for (int i : link) {
        if (i < 0 || i >= n) {
          throw new IllegalArgumentException("linked image " + i + " is not an index of the " + n + " images");
        }
        parent[find(parent, i)] = find(parent, link[0]);
      }
    }
    Map<Integer, List<Integer>> members = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    return members.values().stream().map(Splitter::sorted).toList();
  }

  private static void union(int[] parent, int i, int first, Map<String, Integer> firsts, String key) {
    if (first < 0) {
      firsts.put(key, i);
    } else {
      parent[find(parent, i)] = find(parent, first);
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static int majorityLabel(Dataset dataset, int[] group, int classes) {
    int[] counts = new int[classes];
    for (int i : group) {
      counts[dataset.entry(i).label()]++;
    }
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return best;
  }

  private static int[] sorted(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
