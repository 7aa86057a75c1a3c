package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cxrlstm.data.image.ImageStore;
import org.cxrlstm.data.image.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
  @TempDir
  Path dir;

  private Dataset synthetic() throws IOException {
    Path root = SyntheticImages.writeImageFolder(dir.resolve("syn"), 5, 48, 11);
    return Dataset.fromManifest(root.resolve("manifest.csv"), root);
  }

  private List<Path> cacheFiles(Path cache) throws IOException {
    try (Stream<Path> s = Files.list(cache)) {
      return s.toList();
    }
  }

  @Test
  void decodesEveryImageAtTheRequestedSize() throws IOException {
    Dataset d = synthetic();
    ImageStore store = ImageStore.load(d, 24, null);
    assertEquals(24, store.size());
    assertEquals(15, store.count());
    assertEquals(24 * 24, store.pixels(14).length);
  }

  @Test
  void secondLoadComesFromTheCacheFile() throws IOException {
    Dataset d = synthetic();
    Path cache = dir.resolve("cache");
    ImageStore first = ImageStore.load(d, 32, cache);
    assertEquals(1, cacheFiles(cache).size());
    assertTrue(cacheFiles(cache).get(0).getFileName().toString().startsWith(d.contentHash() + "-32px-v"));
    // with the images gone, only the cache can answer
    for (int i = 0; i < d.size(); i++) {
      Files.delete(d.path(i));
    }
    ImageStore second = ImageStore.load(d, 32, cache);
    for (int i = 0; i < d.size(); i++) {
      assertArrayEquals(first.pixels(i), second.pixels(i));
    }
    // another size or another content is another key: it must decode, and the images are gone
    assertThrows(DataException.class, () -> ImageStore.load(d, 40, cache));
  }

  @Test
  void damagedCacheFileIsIgnoredAndRewritten() throws IOException {
    Dataset d = synthetic();
    Path cache = dir.resolve("cache");
    ImageStore first = ImageStore.load(d, 32, cache);
    Path file = cacheFiles(cache).get(0);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    ImageStore again = ImageStore.load(d, 32, cache);
    assertArrayEquals(first.pixels(3), again.pixels(3));
    assertEquals(bytes.length, Files.size(file));
  }

  @Test
  void everyBadImageIsNamedAtOnce() throws IOException {
    Dataset d = synthetic();
    Path corrupt = d.path(2);
    byte[] bytes = Files.readAllBytes(corrupt);
    byte[] half = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    Files.write(corrupt, half);
    Files.writeString(d.path(7), "x".repeat((int) Files.size(d.path(7))));
    // the dataset's sha256 values are the originals: both files changed, and cut and text cannot decode either
    ImageEntry cut = d.entry(2);
    ImageEntry text = d.entry(7);
    Dataset rehashed = Dataset.of(d.root(), d.classes(), d.entries().stream().map(e ->
        e.equals(cut) ? new ImageEntry(e.file(), e.label(), e.patientId(), Sha256.of(half))
            : e.equals(text) ? new ImageEntry(e.file(), e.label(), e.patientId(), sha(d.path(7))) : e).toList());
    DataException e = assertThrows(DataException.class, () -> ImageStore.load(rehashed, 32, dir.resolve("cache")));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).contains(cut.file()), e.getMessage());
    assertTrue(e.problems().get(1).contains(text.file()), e.getMessage());
    // no hint at a data.skipInvalid setting: no command accepts one
    assertTrue(e.getMessage().startsWith("cannot use 2 of " + d.size() + " images in " + d.root() + " (2 problems)"),
        e.getMessage());
    assertTrue(!Files.exists(dir.resolve("cache")) || cacheFiles(dir.resolve("cache")).isEmpty());

    DataException changed = assertThrows(DataException.class, () -> ImageStore.load(d, 32, null));
    assertTrue(changed.getMessage().contains("content changed"), changed.getMessage());
  }

  private static String sha(Path p) {
    try {
      return Sha256.of(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
