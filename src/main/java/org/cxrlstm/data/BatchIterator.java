package org.cxrlstm.data;

import java.util.Iterator;

/** Batches of one pass; closing stops any background producer. */
public interface BatchIterator extends Iterator<Batch>, AutoCloseable {
  @Override
  void close();
}
