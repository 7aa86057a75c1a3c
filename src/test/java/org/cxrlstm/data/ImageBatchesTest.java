package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cxrlstm.data.image.Augmentation;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.BatchIterator;
import org.cxrlstm.data.image.ImageBatches;
import org.cxrlstm.data.image.ImageStore;
import org.cxrlstm.data.image.Normalization;
import org.junit.jupiter.api.Test;

class ImageBatchesTest {
  /** 10 images of 4x4: image i has every pixel equal to 10 * i, plus a ramp so standardisation is defined. */
  private static ImageStore store() {
    byte[][] images = new byte[10][16];
    for (int i = 0; i < 10; i++) {
      for (int p = 0; p < 16; p++) {
        images[i][p] = (byte) (10 * i + p);
      }
    }
    return ImageStore.of(4, images);
  }

  private static List<Batch> drain(BatchIterator it) {
    List<Batch> out = new ArrayList<>();
    try (it) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static int[] indices(List<Batch> batches) {
    return batches.stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
  }

  @Test
  void orderedKeepsOrderLabelsAndLastPartialBatch() {
    int[] idx = {9, 3, 5, 0, 7};
    int[] labels = {2, 1, 0, 0, 1};
    List<Batch> batches = drain(ImageBatches.ordered(store(), idx, labels, 2));
    assertEquals(3, batches.size());
    assertEquals(1, batches.get(2).count());
    assertEquals(16, batches.get(2).images().length);
    assertArrayEquals(idx, indices(batches));
    assertArrayEquals(new int[] {2, 1}, batches.get(0).labels());
    assertArrayEquals(Normalization.standardize(store().pixels(7)), batches.get(2).images());
  }

  @Test
  void trainingIsAPermutationFixedBySeedAndEpoch() {
    int[] idx = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
    Augmentation aug = new Augmentation(10, 0.1, 0.1, true);
    List<Batch> a = drain(ImageBatches.training(store(), idx, labels, 3, aug, 5, 1));
    List<Batch> b = drain(ImageBatches.training(store(), idx, labels, 3, aug, 5, 1));
    List<Batch> c = drain(ImageBatches.training(store(), idx, labels, 3, aug, 5, 2));
    assertArrayEquals(indices(a), indices(b));
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).images(), b.get(i).images());
      for (int j = 0; j < a.get(i).count(); j++) {
        assertEquals(labels[a.get(i).indices()[j]], a.get(i).labels()[j]);
      }
    }
    assertFalse(Arrays.equals(indices(a), indices(c)));
    int[] sorted = indices(c).clone();
    Arrays.sort(sorted);
    assertArrayEquals(idx, sorted);
  }

  @Test
  void mismatchedLabelsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ImageBatches.ordered(store(), new int[] {1, 2}, new int[] {0}, 2));
    assertThrows(IllegalArgumentException.class, () -> ImageBatches.ordered(store(), new int[] {10}, new int[] {0}, 2));
  }

  @Test
  void closingEarlyStopsTheProducer() {
    int[] idx = new int[10];
    BatchIterator it = ImageBatches.ordered(store(), idx, new int[10], 1);
    it.next();
    it.close();
  }
}
