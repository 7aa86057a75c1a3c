package org.cxrlstm.data.image;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * Builds batches on a daemon thread, at most {@link #AHEAD} ahead of the consumer, so augmentation
 * and normalisation overlap the training step. Closing stops the thread; an error while building
 * is rethrown by {@link #next()}.
 */
public final class PrefetchingBatches implements BatchIterator {
  public static final int AHEAD = 2;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
  private final Thread producer;
  private Object head;

  public PrefetchingBatches(ImageSource source, int[] indices, int[] labels, int batch, Normalization normalization,
      IntFunction<byte[]> augment) {
    int pixels = source.size() * source.size();
    producer = new Thread(() -> {
      try {
        for (int from = 0; from < indices.length; from += batch) {
          int count = Math.min(batch, indices.length - from);
          float[] images = new float[count * pixels];
          int[] y = new int[count];
          int[] where = new int[count];
          for (int i = 0; i < count; i++) {
            int index = indices[from + i];
            byte[] image = augment == null ? source.pixels(index) : augment.apply(index);
            normalization.apply(image, images, i * pixels);
            y[i] = labels[from + i];
            where[i] = index;
          }
          queue.put(new Batch(images, y, where, count));
        }
        queue.put(END);
      } catch (InterruptedException e) {
        // closed by the consumer
      } catch (RuntimeException | Error e) {
        queue.clear();
        queue.offer(e);
      }
    }, "batch-prefetch");
    producer.setDaemon(true);
    producer.start();
  }

  @Override
  public boolean hasNext() {
    return peek() != END;
  }

  @Override
  public Batch next() {
    Object item = peek();
    if (item == END) {
      throw new NoSuchElementException();
    }
    head = null;
    return (Batch) item;
  }

  private Object peek() {
    if (head == null) {
      try {
        head = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch", e);
      }
      if (head instanceof Throwable t) {
        head = END;
        throw new IllegalStateException("building a batch failed: " + t.getMessage(), t);
      }
    }
    return head;
  }

  @Override
  public void close() {
    producer.interrupt();
  }
}
