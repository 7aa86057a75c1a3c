/**
 * The pixels of a dataset: decoding, resizing and the decoded-image cache, normalisation,
 * augmentation, masks, batches for training, the perceptual hash and generated synthetic images.
 */
package org.cxrlstm.data.image;
