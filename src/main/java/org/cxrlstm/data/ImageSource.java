package org.cxrlstm.data;

/** Decoded images of one size: {@code count()} square grayscale images of {@code size()} pixels a side. */
public interface ImageSource {
  /** Side length S in pixels. */
  int size();

  /** Number of images; index i is dataset index i. */
  int count();

  /** Image {@code index} as S*S grayscale uint8 values, row-major. Callers must not modify it. */
  byte[] pixels(int index);
}
