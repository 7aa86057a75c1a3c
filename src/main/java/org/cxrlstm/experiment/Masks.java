package org.cxrlstm.experiment;

/**
 * Which lung-mask settings this build can run. The masks themselves ({@code data.Mask}) come
 * with the evaluation work; until they exist only {@code none} is accepted, so that a sweep over
 * masks fails before training instead of after the first arm.
 */
final class Masks {
  /** Values accepted by the {@code mask} key. */
  static final String[] SUPPORTED = {"none"};

  private Masks() {}
}
