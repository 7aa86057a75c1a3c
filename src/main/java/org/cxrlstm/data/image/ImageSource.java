package org.cxrlstm.data.image;

/** Decoded images of one size: {@code count()} square grayscale images of {@code size()} pixels a side. */
public interface ImageSource {
  /** Side length S in pixels. */
  public int size();

  /** Number of images; index i is dataset index i. */
  public int count();

  /** Image {@code index} as S*S grayscale uint8 values, row-major. Callers must not modify it. */
  public byte[] pixels(int index);
}
