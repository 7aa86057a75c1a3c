package org.cxrlstm.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The proposed CNN-LSTM (section 3.2.3, Table 2): trunk, cells as time steps, LSTM, softmax. */
final class CnnLstmGraph {
  private CnnLstmGraph() {}

  static ModelGraph build(Ops tf, ModelSpec spec, long seed) {
    LayerOps layers = new LayerOps(tf, spec.init(), seed);
    CnnTrunk.Trunk trunk = CnnTrunk.build(layers, spec);
    int steps = spec.timeSteps();
    int channels = spec.featureChannels();
    // [B,7,7,512] -> [B,49,512]: the 49 cells become LSTM steps, row by row as Keras's Reshape
    Operand<TFloat32> sequence = tf.reshape(trunk.features(), tf.constant(new long[] {-1, steps, channels}));
    // [B,49,512] -> [B,U]: the last hidden state summarises the sequence
    Operand<TFloat32> hidden = Lstm.lastHidden(layers, sequence, steps, channels, spec.lstmUnits(),
        spec.forgetBias());
    // [B,U] -> [B,K]
    Operand<TFloat32> logits = layers.dense("dense", layers.dropout(hidden, trunk.dropoutRate()),
        spec.lstmUnits(), spec.classes());
    return CnnTrunk.finish(tf, Architecture.CNN_LSTM, spec, trunk, logits);
  }
}
