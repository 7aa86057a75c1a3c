package org.cxrlstm.data;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.cxrlstm.results.io.AtomicFiles;

/**
 * Brings every image of a manifest into a data folder: from its raw GitHub URL (the manifest's
 * {@code source_repo}, {@code source_commit}, {@code source_path}) or from {@code MIRROR/<file>} when
 * a mirror ({@code file:} or {@code http(s):} URL prefix) is given. Files already present with the
 * right size (and, when asked, sha256) are skipped; each download is verified and renamed into place
 * ({@link Download}); transient failures (HTTP 5xx, a reset in the middle of a file) are retried
 * with a growing pause. Every file that still fails is listed in one {@link DataException}. A host
 * that does not answer at all stops the fetch at the first file, naming the host and the mirror
 * setting: without a network every file would fail the same way, one timeout after another.
 */
public final class DatasetFetcher {
  public static final int RETRIES_DEFAULT = 3;
  public static final Duration TIMEOUT_DEFAULT = Duration.ofSeconds(60);
  /** A host that accepts no connection in this time is taken as unreachable (the request may take longer). */
  public static final Duration CONNECT_TIMEOUT_DEFAULT = Duration.ofSeconds(10);

  /** What one run did. */
  public record Report(int present, int fetched, long bytesFetched) {}

  private final String mirror;
  private final int retries;
  private final Duration pause;
  private final Download download;
  private final PrintStream log;

  /**
   * @param mirror  URL prefix replacing the source URLs, or {@code null}
   * @param retries extra attempts after a transient failure
   * @param pause   wait before the first retry, doubled for each further one
   */
  public DatasetFetcher(String mirror, int retries, Duration pause, Duration timeout, PrintStream log) {
    this.mirror = mirror == null || mirror.isBlank() ? null : mirror.trim().replaceAll("/+$", "");
    if (this.mirror != null && !this.mirror.matches("(?i)(file|https?):.*")) {
      throw new IllegalArgumentException("dataset mirror '" + mirror + "' is not a file:, http: or https: URL");
    }
    this.retries = retries;
    this.pause = pause;
    Duration connect = timeout.compareTo(CONNECT_TIMEOUT_DEFAULT) < 0 ? timeout : CONNECT_TIMEOUT_DEFAULT;
    this.download = new Download(HttpClient.newBuilder().connectTimeout(connect)
        .followRedirects(HttpClient.Redirect.NORMAL).build(), timeout);
    this.log = log;
  }

  public DatasetFetcher(String mirror) {
    this(mirror, RETRIES_DEFAULT, Duration.ofSeconds(1), TIMEOUT_DEFAULT, System.err);
  }

  /**
   * The dataset of {@code manifestCsv} under {@code dataDir}, fetching first whatever is missing or
   * of the wrong size (existing files are not re-hashed here; {@link ImageStore} checks sha256 as it
   * decodes). What every experiment that needs the dataset calls.
   */
  public static Dataset ensure(Path manifestCsv, Path dataDir, String mirror) throws IOException {
    new DatasetFetcher(mirror).fetch(Manifest.read(manifestCsv), dataDir, false);
    return Dataset.fromManifest(manifestCsv, dataDir);
  }

  /** The URL image {@code row} is fetched from. */
  public URI url(Manifest.Row row) {
    if (mirror != null) {
      return URI.create(mirror + "/" + UrlPaths.encode(row.file()));
    }
    return row.sourceUrl().orElseThrow(() -> new DataException("line " + row.line() + " (" + row.file()
        + ") has no source_repo/source_commit/source_path: give -Ddataset.mirror=URL"));
  }

  /**
   * Fetches every row of {@code manifest} not yet valid in {@code dataDir}. With {@code verify},
   * present files are also checked against their sha256 (and re-fetched when they differ).
   */
  public Report fetch(Manifest manifest, Path dataDir, boolean verify) throws IOException {
    Files.createDirectories(dataDir);
    removeLeftovers(dataDir);
    List<Manifest.Row> todo = new ArrayList<>();
    int present = 0;
    for (Manifest.Row row : manifest.rows()) {
      if (valid(row, RelativeFile.resolve(dataDir, row.file()), verify)) {
        present++;
      } else {
        todo.add(row);
      }
    }
    if (todo.isEmpty()) {
      return new Report(present, 0, 0);
    }
    long expected = todo.stream().mapToLong(r -> Math.max(r.bytes(), 0)).sum();
    log.printf("fetching %d of %d files (%.1f MB) into %s from %s%n", todo.size(), manifest.rows().size(),
        expected / 1e6, dataDir, mirror == null ? "their source URLs" : mirror);
    List<String> failures = new ArrayList<>();
    long[] done = new long[1];
    try (ProgressBar bar = Progress.bar("fetch", expected, "MB", 1_000_000)) {
      for (Manifest.Row row : todo) {
        try {
          fetchOne(row, dataDir, n -> {
            bar.stepBy(n);
            done[0] += n;
          });
        } catch (Download.Unreachable e) {
          throw new IOException("cannot fetch the dataset: " + e.getMessage() + " (first file: " + row.file()
              + "); without a network, give a copy of the files: -Ddataset.mirror=file:/path/to/"
              + dataDir.getFileName() + " (or an http: URL)", e);
        } catch (IOException e) {
          failures.add(manifest.path() + ": line " + row.line() + ": " + row.file() + ": " + e.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new DataException("could not fetch " + failures.size() + " of " + todo.size() + " files into " + dataDir,
          failures);
    }
    return new Report(present, todo.size(), done[0]);
  }

  private void fetchOne(Manifest.Row row, Path dataDir, java.util.function.LongConsumer progress) throws IOException {
    URI url = url(row);
    Path target = RelativeFile.resolve(dataDir, row.file());
    for (int attempt = 0; ; attempt++) {
      try {
        download.fetch(url, target, row.bytes(), row.sha256(), progress);
        return;
      } catch (Download.Transient e) {
        if (attempt >= retries) {
          throw new IOException(e.getMessage() + " (after " + (attempt + 1) + " attempts)", e);
        }
        log.println("retrying " + row.file() + ": " + e.getMessage());
        sleep(pause.multipliedBy(1L << attempt));
      }
    }
  }

  private static boolean valid(Manifest.Row row, Path file, boolean verify) throws IOException {
    if (!Files.isRegularFile(file) || (row.bytes() >= 0 && Files.size(file) != row.bytes())) {
      return false;
    }
    return !verify || Sha256.of(file).equals(row.sha256());
  }

  /** Deletes temporary files that a killed earlier run left. */
  private static void removeLeftovers(Path dataDir) throws IOException {
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().contains(Download.PART)
          || AtomicFiles.isTemporary(p)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
  }
}
