package org.cxrlstm.results.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The one way the project writes a file: readers and other processes never see it half done. The
 * content goes to a temporary file in the target's folder, which is then renamed over the target
 * ({@link StandardCopyOption#ATOMIC_MOVE}); the temporary file is removed when anything fails and
 * every failure names the target. Also whole-file locks ({@link FileLock}, an fcntl lock on Linux, released by the
 * kernel when a process dies, so a killed run never leaves a stale lock).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** The end of a temporary file's name: {@code .NAME<random>.tmp} beside the target NAME. */
  private static final String TEMPORARY = ".tmp";

  /** What writes a file's text content. */
  public interface Body {
    void write(Writer w) throws IOException;
  }

  /** What writes a file's binary content. */
  public interface Bytes {
    void write(OutputStream out) throws IOException;
  }

  /** Writes {@code file} as UTF-8 text from {@code body}, atomically. */
  public static void write(Path file, Body body) throws IOException {
    writeBytes(file, out -> {
      try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        body.write(w);
      }
    });
  }

  /** Writes {@code file} as {@code text} (UTF-8), atomically. */
  public static void writeString(Path file, CharSequence text) throws IOException {
    write(file, w -> w.append(text));
  }

  /** Writes {@code file} from {@code body}, atomically. */
  public static void writeBytes(Path file, Bytes body) throws IOException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, "." + file.getFileName(), TEMPORARY);
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          body.write(out);
        }
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          // a file system without atomic renames (some network mounts): replaced, not atomically
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw naming(file, e);
    }
  }

  /**
   * Whether {@code file} is a temporary file of {@link #write} (a killed process leaves one
   * behind; it is never the target of a write and may be deleted).
   */
  public static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(TEMPORARY);
  }

  /**
   * Renames {@code from} (a file or a whole folder) to {@code to} in one step; {@code to} must not
   * exist unless it is a file or an empty folder. Both must be on one file system.
   */
  public static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      throw message.contains(to.toString()) ? e
          : new IOException("cannot rename " + from + " to " + to + ": " + message, e);
    }
  }

  /**
   * {@code e} with {@code file} in its message: a full disk or a read-only folder says only "No
   * space left on device" or "Read-only file system", which does not tell which folder to fix. The
   * caller's own exception types (outside {@code java.}) pass unchanged, so they keep their meaning.
   */
  public static IOException naming(Path file, IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains(file.toString()) || !e.getClass().getName().startsWith("java.") ? e
        : new IOException("cannot write " + file + ": " + message, e);
  }

  /** A properties file in sorted key order with a comment line, written atomically. */
  public static void writeProperties(Path file, String comment, Map<String, String> values) throws IOException {
    write(file, w -> {
      w.write("# " + comment + "\n");
      for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
        w.write(PropertiesText.line(e.getKey(), e.getValue()));
      }
    });
  }

  /** An exclusive lock on {@code file}, waiting for another process to release it. */
  public static Held lock(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      return new Held(channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** An exclusive lock on {@code file}, or null when another process holds it. */
  public static Held tryLock(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this same process (another thread or runner)
      }
      if (lock == null) {
        channel.close();
        return null;
      }
      return new Held(channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** A held lock; closing releases it. */
  public record Held(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
