package org.cxrlstm.results.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path tmp;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheContentWhole() throws Exception {
    Path file = tmp.resolve("a.txt");
    AtomicFiles.writeString(file, "first version, rather long\n");
    AtomicFiles.write(file, w -> w.write("second"));
    assertEquals("second", Files.readString(file));
    AtomicFiles.writeBytes(file, out -> out.write(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    assertEquals(List.of("a.txt"), names());
  }

  @Test
  void failingBodyLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path file = tmp.resolve("keep.csv");
    AtomicFiles.writeString(file, "old\n");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, w -> {
      w.write("half of the new content");
      w.flush();
      throw new IOException("No space left on device");
    }));
    assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
    assertEquals("old\n", Files.readString(file));
    assertEquals(List.of("keep.csv"), names());
    assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, w -> {
      w.write("x");
      throw new UncheckedIOException(new IOException("boom"));
    }));
    assertEquals("old\n", Files.readString(file));
    assertEquals(List.of("keep.csv"), names());
  }

  @Test
  void newFileNeverAppearsWhenTheBodyFails() throws Exception {
    Path file = tmp.resolve("sub/new.txt");
    assertThrows(IOException.class, () -> AtomicFiles.write(file, w -> {
      throw new IOException("fails");
    }));
    assertFalse(Files.exists(file));
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertEquals(List.of(), s.toList());
    }
  }

  @Test
  void ownExceptionTypesPassUnchanged() {
    class Retry extends IOException {
      Retry() {
        super("try again");
      }
    }
    Path file = tmp.resolve("d.bin");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeBytes(file, out -> {
      throw new Retry();
    }));
    assertTrue(e instanceof Retry, e.toString());
    assertFalse(Files.exists(file));
  }

  @Test
  void temporaryFilesAreRecognised() throws Exception {
    Path file = tmp.resolve("x.csv");
    Path[] seen = new Path[1];
    AtomicFiles.write(file, w -> {
      try (Stream<Path> s = Files.list(tmp)) {
        seen[0] = s.filter(p -> !p.equals(file)).findFirst().orElseThrow();
      }
    });
    assertTrue(AtomicFiles.isTemporary(seen[0]), seen[0].toString());
    assertFalse(AtomicFiles.isTemporary(file));
    assertEquals(file.getParent(), seen[0].getParent());
  }

  @Test
  void propertiesAreSortedAndEscaped() throws Exception {
    Path file = tmp.resolve("p.properties");
    AtomicFiles.writeProperties(file, "note", Map.of("b", "2", "a", "x=y", "c", "é"));
    assertEquals("# note\na=x\\=y\nb=2\nc=é\n", Files.readString(file));
    assertEquals(Map.of("a", "x=y", "b", "2", "c", "é"), PropertiesText.read(file));
  }

  @Test
  void renameMovesAFolderWhole() throws Exception {
    Path from = Files.createDirectories(tmp.resolve("t.partial"));
    Files.writeString(from.resolve("f.txt"), "content");
    Path to = tmp.resolve("t");
    AtomicFiles.rename(from, to);
    assertEquals("content", Files.readString(to.resolve("f.txt")));
    assertFalse(Files.exists(from));
  }
}
