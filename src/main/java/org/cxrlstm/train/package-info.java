/**
 * Training and inference sessions: Adam (learning rate fed per step) on the softmax cross-entropy,
 * per-epoch validation, learning-rate decay on plateaus, early stopping with best-weight restore,
 * divergence checks, saving and loading models, precision choice, and the throughput benchmark.
 */
package org.cxrlstm.train;
