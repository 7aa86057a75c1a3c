package org.cxrlstm.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The paper's "competitive CNN": the same trunk, flattened into a dense softmax. */
final class CnnGraph {
  private CnnGraph() {}

  static ModelGraph build(Ops tf, ModelSpec spec, long seed) {
    LayerOps layers = new LayerOps(tf, spec.init(), seed);
    CnnTrunk.Trunk trunk = CnnTrunk.build(layers, spec);
    int flat = spec.timeSteps() * spec.featureChannels();
    // [B,7,7,512] -> [B,25088]
    Operand<TFloat32> features = tf.reshape(trunk.features(), tf.constant(new long[] {-1, flat}));
    // [B,25088] -> [B,K]
    Operand<TFloat32> logits = layers.dense("dense", layers.dropout(features, trunk.dropoutRate()),
        flat, spec.classes());
    return CnnTrunk.finish(tf, Architecture.CNN, spec, trunk, logits);
  }
}
