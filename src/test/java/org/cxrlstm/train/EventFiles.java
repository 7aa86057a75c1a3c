package org.cxrlstm.train;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;

/**
 * Reads TensorBoard event files for tests: a TFRecord stream (little-endian uint64 length, a
 * masked CRC of it, the bytes, their masked CRC) of {@link Event} protocol buffers.
 */
public final class EventFiles {
  private EventFiles() {}

  /** The event files ({@code events.out.tfevents.*}) in {@code dir}. */
  public static List<Path> in(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).sorted().toList();
    }
  }

  /** Every event of {@code file}, in order. */
  public static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
      while (true) {
        byte[] header = new byte[12];
        try {
          data.readFully(header);
        } catch (EOFException end) {
          return events;
        }
        long length = ByteBuffer.wrap(header, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] record = new byte[Math.toIntExact(length)];
        data.readFully(record);
        data.readFully(new byte[4]);
        events.add(Event.parseFrom(record));
      }
    }
  }
}
