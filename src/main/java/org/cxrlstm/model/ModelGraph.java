package org.cxrlstm.model;

import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TFloat32;

/**
 * Typed handles into one built model graph, so that callers feed and fetch by handle, not by
 * operation name. Names are still stable ({@link #IMAGES} etc.) for the SavedModel signature.
 *
 * @param images        [B, S, S, 1] grayscale input, normalised
 * @param labels        [B, K] one-hot targets (also the class selector for Grad-CAM)
 * @param dropoutRate   scalar, 0 unless fed during training
 * @param lastConv      [B, S/16, S/16, C] output of the last convolution (Grad-CAM's map)
 * @param logits        [B, K]
 * @param probabilities [B, K] softmax of the logits
 * @param loss          scalar mean softmax cross-entropy over the batch
 */
public record ModelGraph(
    Architecture architecture,
    ModelSpec spec,
    Placeholder<TFloat32> images,
    Placeholder<TFloat32> labels,
    PlaceholderWithDefault<TFloat32> dropoutRate,
    Operand<TFloat32> lastConv,
    Operand<TFloat32> logits,
    Operand<TFloat32> probabilities,
    Operand<TFloat32> loss) {

  public static final String IMAGES = "images";
  public static final String LABELS = "labels";
  public static final String DROPOUT_RATE = "dropout_rate";
  public static final String LAST_CONV = "last_conv";
  public static final String LOGITS = "logits";
  public static final String PROBABILITIES = "probabilities";
  public static final String LOSS = "loss";
}
