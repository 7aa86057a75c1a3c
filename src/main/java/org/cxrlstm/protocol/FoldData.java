package org.cxrlstm.protocol;

import org.cxrlstm.data.image.Augmentation;
import org.cxrlstm.data.image.BatchIterator;
import org.cxrlstm.data.image.ImageBatches;
import org.cxrlstm.data.image.ImageSource;
import org.cxrlstm.data.image.Normalization;
import org.cxrlstm.train.TrainingData;

/**
 * One fold's batches: training images shuffled and augmented per epoch from the trial's seed,
 * validation images in order and never augmented (section 3.1: augmentation of training images only).
 */
record FoldData(ImageSource images, int[] train, int[] trainLabels, int[] validationImages, int[] validationLabels,
    int batch, Augmentation augmentation, Normalization normalization, long seed) implements TrainingData {

  @Override
  public BatchIterator trainingEpoch(int epoch) {
    return ImageBatches.training(images, train, trainLabels, batch, augmentation, seed, epoch, normalization);
  }

  @Override
  public BatchIterator validation() {
    return ImageBatches.ordered(images, validationImages, validationLabels, batch, normalization);
  }

  @Override
  public int trainingImages() {
    return train.length;
  }
}
