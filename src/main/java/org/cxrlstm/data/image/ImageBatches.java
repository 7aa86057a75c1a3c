package org.cxrlstm.data.image;

import java.util.Random;

/**
 * Batches for the training loop. Training batches are shuffled each epoch by a permutation drawn
 * from (seed, epoch) and augmented with draws from (seed, epoch, image), so an epoch is the same
 * whatever thread builds it; evaluation batches keep the given order and are never augmented.
 * Batches are built ahead on a background thread ({@link PrefetchingBatches}).
 */
public final class ImageBatches {
  private ImageBatches() {}

  /**
   * Shuffled, augmented, standardised training batches of one epoch.
   *
   * @param indices dataset indices of the training images
   * @param labels  {@code labels[i]} is the class of image {@code indices[i]} (see {@link Dataset#labels(int[])})
   * @param epoch   1-based epoch; each epoch has its own order
   */
  public static BatchIterator training(ImageSource source, int[] indices, int[] labels, int batch,
      Augmentation augmentation, long seed, int epoch) {
    return training(source, indices, labels, batch, augmentation, seed, epoch, Normalization.STANDARDIZE);
  }

  public static BatchIterator training(ImageSource source, int[] indices, int[] labels, int batch,
      Augmentation augmentation, long seed, int epoch, Normalization normalization) {
    check(source, indices, labels, batch);
    int[] order = permutation(indices.length, new Random(mix(seed, epoch, -1)));
    int[] shuffledIndices = new int[order.length];
    int[] shuffledLabels = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      shuffledIndices[i] = indices[order[i]];
      shuffledLabels[i] = labels[order[i]];
    }
    return new PrefetchingBatches(source, shuffledIndices, shuffledLabels, batch, normalization,
        augmentation.isNone() ? null : index -> augmentation.apply(source.pixels(index), source.size(),
            new Random(mix(seed, epoch, index))));
  }

  /** Standardised batches in the given order, without augmentation (validation, test, prediction). */
  public static BatchIterator ordered(ImageSource source, int[] indices, int[] labels, int batch) {
    return ordered(source, indices, labels, batch, Normalization.STANDARDIZE);
  }

  public static BatchIterator ordered(ImageSource source, int[] indices, int[] labels, int batch,
      Normalization normalization) {
    check(source, indices, labels, batch);
    return new PrefetchingBatches(source, indices.clone(), labels.clone(), batch, normalization, null);
  }

  /** The order of epoch {@code epoch}'s training batches, as positions into {@code indices}. */
  public static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** A well-mixed 64-bit seed from the run seed, the epoch and an image index (SplitMix64 finaliser). */
  public static long mix(long seed, long epoch, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void check(ImageSource source, int[] indices, int[] labels, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
    }
    if (labels.length != indices.length) {
      throw new IllegalArgumentException("labels must be parallel to indices (labels[i] = class of image indices[i]): "
          + labels.length + " labels for " + indices.length + " indices");
    }
    for (int i : indices) {
      if (i < 0 || i >= source.count()) {
        throw new IllegalArgumentException("image index " + i + " outside 0.." + (source.count() - 1));
      }
    }
  }
}
