package org.cxrlstm.data.image;

/**
 * One batch ready for the graph.
 *
 * @param images  count * size * size floats: NHWC with one channel, normalised
 * @param labels  class index per image
 * @param indices position of each image in the dataset
 * @param count   images in this batch
 */
public record Batch(float[] images, int[] labels, int[] indices, int count) {}
