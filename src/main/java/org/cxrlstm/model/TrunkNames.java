package org.cxrlstm.model;

/**
 * Keras's VGG layer names ({@code block3_conv2}); variables use them with a suffix
 * ({@code block3_conv2_kernel}), flat because Adam's slot names reject '/'.
 */
final class TrunkNames {
  private TrunkNames() {}

  static String conv(int block, int conv) {
    return "block" + (block + 1) + "_conv" + (conv + 1);
  }

  static String pool(int block) {
    return "block" + (block + 1) + "_pool";
  }
}
