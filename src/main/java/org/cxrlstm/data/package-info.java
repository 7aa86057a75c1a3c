/**
 * The X-ray images from files to batches: manifest and {@link org.cxrlstm.data.Dataset}, fetch with
 * mirror ({@link org.cxrlstm.data.DatasetFetcher}), decode/resize/cache
 * ({@link org.cxrlstm.data.image.ImageStore}), normalisation, augmentation, batches, and generated
 * image folders for tests. Pure Java: nothing here touches TensorFlow.
 */
package org.cxrlstm.data;
