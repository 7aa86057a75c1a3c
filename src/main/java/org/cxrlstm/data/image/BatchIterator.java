package org.cxrlstm.data.image;

import java.util.Iterator;

/** Batches of one pass; closing stops any background producer. */
public interface BatchIterator extends Iterator<Batch>, AutoCloseable {
  @Override
  public void close();
}
