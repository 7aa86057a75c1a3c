package org.cxrlstm.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TFloat32;

/**
 * The VGG-like trunk of Table 2 that both architectures share, and the inputs and loss that are
 * common to both. The heads differ only after {@link Trunk#features()}.
 */
final class CnnTrunk {
  private CnnTrunk() {}

  /** Placeholders and trunk outputs. */
  record Trunk(
      Placeholder<TFloat32> images,
      Placeholder<TFloat32> labels,
      PlaceholderWithDefault<TFloat32> dropoutRate,
      Operand<TFloat32> lastConv,
      Operand<TFloat32> features) {}

  static Trunk build(LayerOps layers, ModelSpec spec) {
    Ops tf = layers.tf();
    int s = spec.inputSize();
    Placeholder<TFloat32> images = tf.withName(ModelGraph.IMAGES).placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, s, s, 1)));
    Placeholder<TFloat32> labels = tf.withName(ModelGraph.LABELS).placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, spec.classes())));
    PlaceholderWithDefault<TFloat32> dropoutRate =
        tf.withName(ModelGraph.DROPOUT_RATE).placeholderWithDefault(tf.constant(0f), Shape.scalar());

    // [B,S,S,1] -> [B,S,S,3]: the paper's input is 224x224x3; gray is replicated, as Keras loads it
    Operand<TFloat32> x = tf.concat(List.of(images, images, images), tf.constant(3));
    int channels = 3;
    Operand<TFloat32> lastConv = null;
    int last = spec.blocks().size() - 1;
    for (int b = 0; b <= last; b++) {
      int filters = spec.filters(b);
      for (int c = 0; c < spec.blocks().get(b); c++) {
        // [B,s,s,channels] -> [B,s,s,filters]
        x = layers.conv3x3Relu(TrunkNames.conv(b, c), x, channels, filters);
        channels = filters;
      }
      if (b == last) {
        // the named map must lie on the path to the logits, or Grad-CAM's gradient w.r.t. it is zero
        lastConv = tf.withName(ModelGraph.LAST_CONV).identity(x);
        x = lastConv;
      }
      // [B,s,s,f] -> [B,s/2,s/2,f]
      x = layers.maxPool2x2(TrunkNames.pool(b), x);
    }
    return new Trunk(images, labels, dropoutRate, lastConv, x);
  }

  /** Softmax and mean cross-entropy on one-hot labels (sparse has no gradient in 1.1.0). */
  static ModelGraph finish(Ops tf, Architecture arch, ModelSpec spec, Trunk trunk, Operand<TFloat32> logits) {
    Operand<TFloat32> named = tf.withName(ModelGraph.LOGITS).identity(logits);
    Operand<TFloat32> probabilities = tf.withName(ModelGraph.PROBABILITIES).nn.softmax(named);
    Operand<TFloat32> perImage = tf.nn.softmaxCrossEntropyWithLogits(named, trunk.labels()).loss();
    Operand<TFloat32> loss = tf.withName(ModelGraph.LOSS).math.mean(perImage, tf.constant(0));
    return new ModelGraph(arch, spec, trunk.images(), trunk.labels(), trunk.dropoutRate(),
        trunk.lastConv(), named, probabilities, loss);
  }
}
