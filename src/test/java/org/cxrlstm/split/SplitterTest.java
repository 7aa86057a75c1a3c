package org.cxrlstm.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.junit.jupiter.api.Test;

class SplitterTest {
  /** Images per class as given; image k of a class belongs to patient k / perPatient. */
  static Dataset dataset(int[] perClass, int perPatient) {
    List<ImageEntry> entries = new ArrayList<>();
    for (int c = 0; c < perClass.length; c++) {
      for (int k = 0; k < perClass[c]; k++) {
        String sha = String.format("%064x", c * 100_000L + k);
        entries.add(new ImageEntry(Dataset.CLASSES.get(c) + "/" + k + ".png", c, c + "-" + k / perPatient, sha));
      }
    }
    return Dataset.of(Path.of("mem"), Dataset.CLASSES, entries);
  }

  @Test
  void paperSplitOf421IsStratified() {
    Dataset d = dataset(new int[] {141, 140, 140}, 1);
    Split s = Splitter.split(d, 0.15, 5, 20200622);
    Map<String, int[]> counts = s.classCounts(d);
    assertArrayEquals(new int[] {21, 21, 21}, counts.get("test"));
    assertArrayEquals(new int[] {120, 119, 119}, counts.get("train"));
    for (int f = 0; f < 5; f++) {
      int[] fold = counts.get("fold" + f);
      for (int c = 0; c < 3; c++) {
        assertTrue(fold[c] == 23 || fold[c] == 24, "fold " + f + " class " + c + ": " + fold[c]);
      }
      assertEquals(358, s.fold(f).train().length + s.fold(f).validation().length);
    }
    assertEquals(421, s.test().length + s.training().length);
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Dataset d = dataset(new int[] {141, 140, 140}, 1);
    Split a = Splitter.split(d, 0.15, 5, 1);
    Split b = Splitter.split(d, 0.15, 5, 1);
    Split c = Splitter.split(d, 0.15, 5, 2);
    assertArrayEquals(a.test(), b.test());
    for (int f = 0; f < 5; f++) {
      assertArrayEquals(a.fold(f).validation(), b.fold(f).validation());
    }
    assertFalse(Arrays.equals(a.test(), c.test()));
  }

  @Test
  void patientsNeverSpanTwoPartitions() {
    Dataset d = dataset(new int[] {60, 45, 75}, 3);
    Split s = Splitter.split(d, 0.2, 4, 9);
    Map<String, String> where = new HashMap<>();
    for (int i : s.test()) {
      where.put(d.entry(i).patientId(), "test");
    }
    for (Fold f : s.folds()) {
      for (int i : f.validation()) {
        String before = where.put(d.entry(i).patientId(), "fold" + f.index());
        assertTrue(before == null || before.equals("fold" + f.index()), d.entry(i).patientId() + " in " + before);
      }
    }
    assertArrayEquals(new int[] {12, 9, 15}, s.classCounts(d).get("test"));
  }

  @Test
  void ungroupedSplitsPatientsWhenAsked() {
    Dataset d = dataset(new int[] {30, 30, 30}, 30);
    assertThrows(IllegalArgumentException.class, () -> Splitter.split(d, 0.2, 5, 1));
    Split s = Splitter.split(d, 0.2, 5, 1, false);
    assertArrayEquals(new int[] {6, 6, 6}, s.classCounts(d).get("test"));
  }

  @Test
  void tooFewPatientsForTheFoldsNamesTheClass() {
    Dataset d = dataset(new int[] {20, 4, 20}, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Splitter.split(d, 0.25, 5, 1));
    assertTrue(e.getMessage().contains("'pneumonia' has 3 patients"), e.getMessage());
  }

  @Test
  void checkFindsLeaks() {
    Dataset d = dataset(new int[] {10, 10, 10}, 2);
    Split s = Splitter.split(d, 0.2, 2, 3);
    int testImage = s.test()[0];
    int partner = testImage % 2 == 0 ? testImage + 1 : testImage - 1;
    // move one image of a test patient into fold 0's validation part
    int[] test = Arrays.stream(s.test()).filter(i -> i != partner).toArray();
    Set<Integer> v0 = new HashSet<>();
    Arrays.stream(s.fold(0).validation()).forEach(v0::add);
    v0.add(partner);
    int[] validation = v0.stream().mapToInt(Integer::intValue).sorted().toArray();
    Split leaky = new Split(test, List.of(new Fold(0, s.fold(0).train(), validation),
        new Fold(1, concat(s.fold(1).train(), partner), s.fold(1).validation())));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> leaky.check(d));
    assertTrue(e.getMessage().contains("patient '" + d.entry(partner).patientId() + "' is in"), e.getMessage());
  }

  private static int[] concat(int[] a, int extra) {
    int[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = extra;
    return out;
  }

  @Test
  void withoutLinksOrWithLinksInsideOnePatientTheSplitIsUnchanged() {
    Dataset d = dataset(new int[] {61, 50, 47}, 2);
    Split plain = Splitter.split(d, 0.15, 5, 11);
    // images 0 and 1 are patient covid-0 already; linking them adds nothing
    for (List<int[]> links : List.of(List.<int[]>of(), List.of(new int[] {0, 1}))) {
      Split linked = Splitter.split(d, 0.15, 5, 11, links);
      assertArrayEquals(plain.test(), linked.test());
      for (int f = 0; f < 5; f++) {
        assertArrayEquals(plain.fold(f).validation(), linked.fold(f).validation());
      }
    }
  }

  @Test
  void aLinkAcrossClassesKeepsBothImagesOnOneSide() {
    Dataset d = dataset(new int[] {30, 30, 30}, 1);
    for (long seed = 0; seed < 30; seed++) {
      Split s = Splitter.split(d, 0.2, 3, seed, List.of(new int[] {5, 40}));
      boolean test5 = Arrays.stream(s.test()).anyMatch(i -> i == 5);
      boolean test40 = Arrays.stream(s.test()).anyMatch(i -> i == 40);
      assertEquals(test5, test40, "seed " + seed);
      for (Fold f : s.folds()) {
        boolean v5 = Arrays.stream(f.validation()).anyMatch(i -> i == 5);
        assertEquals(v5, Arrays.stream(f.validation()).anyMatch(i -> i == 40), "seed " + seed + " fold " + f.index());
      }
    }
  }

  @Test
  void aGivenTestSetIsTestedWholeWithItsPatientsAndTheRestIsFolded() {
    // 2 images per patient: images 0..19 covid, 20..39 pneumonia, 40..59 normal
    Dataset d = dataset(new int[] {20, 20, 20}, 2);
    boolean[] inTest = new boolean[60];
    for (int i = 40; i < 60; i += 2) {
      inTest[i] = true; // one image of every normal patient: the other must follow it
    }
    inTest[3] = true; // image 3 is patient covid-1 with image 2
    Split s = Splitter.split(d, inTest, 4, 5, List.of(new int[] {10, 21}));
    List<Integer> expected = new ArrayList<>(List.of(2, 3));
    for (int i = 40; i < 60; i++) {
      expected.add(i);
    }
    assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), s.test());
    int[] counts = s.classCounts(d).get("train");
    assertArrayEquals(new int[] {18, 20, 0}, counts);
    for (Fold f : s.folds()) {
      boolean v10 = Arrays.stream(f.validation()).anyMatch(i -> i == 10);
      assertEquals(v10, Arrays.stream(f.validation()).anyMatch(i -> i == 21), "linked images share a fold");
    }
    assertThrows(IllegalArgumentException.class, () -> Splitter.split(d, new boolean[60], 4, 5, List.of()));
  }
}
