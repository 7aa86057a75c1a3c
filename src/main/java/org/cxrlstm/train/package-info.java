/**
 * Training and inference sessions: Adam on the softmax cross-entropy, per-epoch validation, early
 * stopping with best-weight restore, divergence checks, saving and loading models, and the
 * throughput benchmark.
 */
package org.cxrlstm.train;
