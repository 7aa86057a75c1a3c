package org.cxrlstm.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.BatchIterator;

/**
 * Small in-memory images for training tests: class k has a bright square in corner k over
 * Gaussian noise, so a tiny CNN can learn it; optional random labels make it a memorisation task.
 */
final class TinyData implements TrainingData {
  private final int size;
  private final float[][] images;
  private final int[] labels;
  private final int batchSize;
  private final long seed;
  private final TinyData validation;

  private TinyData(int size, float[][] images, int[] labels, int batchSize, long seed, TinyData validation) {
    this.size = size;
    this.images = images;
    this.labels = labels;
    this.batchSize = batchSize;
    this.seed = seed;
    this.validation = validation;
  }

  static TinyData patterned(int count, int size, int batchSize, long seed) {
    return build(count, size, batchSize, seed, false, null);
  }

  static TinyData randomLabels(int count, int size, int batchSize, long seed) {
    return build(count, size, batchSize, seed, true, null);
  }

  TinyData withValidation(TinyData v) {
    return new TinyData(size, images, labels, batchSize, seed, v);
  }

  private static TinyData build(int count, int size, int batchSize, long seed, boolean randomLabels, TinyData v) {
    Random random = new Random(seed);
    float[][] images = new float[count][size * size];
    int[] labels = new int[count];
    for (int n = 0; n < count; n++) {
      int k = n % 3;
      labels[n] = randomLabels ? random.nextInt(3) : k;
      for (int i = 0; i < size * size; i++) {
        images[n][i] = (float) (random.nextGaussian() * 0.5);
      }
      if (!randomLabels) {
        int r0 = k == 1 ? size / 2 : 0;
        int c0 = k == 2 ? size / 2 : 0;
        for (int r = r0; r < r0 + size / 2; r++) {
          for (int c = c0; c < c0 + size / 2; c++) {
            images[n][r * size + c] += 1.5f;
          }
        }
      }
    }
    return new TinyData(size, images, labels, batchSize, seed, v);
  }

  int count() {
    return labels.length;
  }

  /** All images as one batch in order. */
  Batch all() {
    return batch(range(count()));
  }

  /** Images {@code idx} as one batch. */
  Batch batch(List<Integer> idx) {
    float[] x = new float[idx.size() * size * size];
    int[] y = new int[idx.size()];
    int[] where = new int[idx.size()];
    for (int i = 0; i < idx.size(); i++) {
      System.arraycopy(images[idx.get(i)], 0, x, i * size * size, size * size);
      y[i] = labels[idx.get(i)];
      where[i] = idx.get(i);
    }
    return new Batch(x, y, where, idx.size());
  }

  @Override
  public BatchIterator trainingEpoch(int epoch) {
    List<Integer> order = range(count());
    Collections.shuffle(order, new Random(seed * 31 + epoch));
    return iterate(order);
  }

  @Override
  public BatchIterator validation() {
    return validation == null ? null : validation.iterate(range(validation.count()));
  }

  @Override
  public int trainingImages() {
    return count();
  }

  BatchIterator iterate(List<Integer> order) {
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < order.size(); i += batchSize) {
      batches.add(batch(order.subList(i, Math.min(order.size(), i + batchSize))));
    }
    return iteratorOf(batches);
  }

  static BatchIterator iteratorOf(List<Batch> batches) {
    Iterator<Batch> it = batches.iterator();
    return new BatchIterator() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Batch next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
