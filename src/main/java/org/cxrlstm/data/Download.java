package org.cxrlstm.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.LongConsumer;
import org.cxrlstm.results.io.AtomicFiles;

/**
 * One file transfer from an {@code http(s):} or {@code file:} URL to a temporary file beside the
 * target, checked for size and sha256 while it streams, then renamed into place. On any failure the
 * temporary file is deleted, so nothing partial is ever left under the target's name or beside it.
 */
final class Download {
  /**
   * Name part of the temporary files of earlier versions, so a later run still removes those a
   * killed one left; downloads now go through {@link AtomicFiles}, whose temporary files {@link
   * AtomicFiles#isTemporary} recognises.
   */
  static final String PART = ".part-";

  /** A failure worth retrying (connection trouble, HTTP 5xx/429, a short or wrong body). */
  static final class Transient extends IOException {
    Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The host did not answer at all (no route, refused, unresolved, connect timeout). Unlike a reset
   * in the middle of a file, every further file from the same host would wait for the same failure.
   */
  static final class Unreachable extends IOException {
    private final String host;

    Unreachable(URI url, IOException cause) {
      super(url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + " "
          + (cause instanceof HttpConnectTimeoutException ? "did not answer within the connect timeout"
              : cause.getCause() instanceof java.nio.channels.UnresolvedAddressException ? "cannot be resolved"
              : "refused the connection or is unreachable"), cause);
      this.host = url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    }

    /** host[:port] */
    String host() {
      return host;
    }
  }

  private final HttpClient http;
  private final Duration timeout;

  Download(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** Fetches {@code url} into {@code target}, expecting {@code bytes} (or -1: any) and {@code sha256}. */
  void fetch(URI url, Path target, long bytes, String sha256, LongConsumer progress) throws IOException {
    AtomicFiles.writeBytes(target, out -> {
      try (InputStream in = open(url)) {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
          digest.update(buffer, 0, n);
          total += n;
          progress.accept(n);
          if (bytes >= 0 && total > bytes) {
            throw new Transient(url + ": body is longer than the expected " + bytes + " bytes", null);
          }
        }
        if (bytes >= 0 && total != bytes) {
          throw new Transient(url + ": got " + total + " bytes, expected " + bytes + " (truncated body)", null);
        }
        String actual = Sha256.hex(digest.digest());
        if (!actual.equals(sha256)) {
          throw new Transient(url + ": sha256 " + actual + " does not match the manifest's " + sha256, null);
        }
      } catch (Transient | NotFound | Unreachable e) {
        throw e;
      } catch (IOException e) {
        throw new Transient(url + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    });
  }

  /** A source that does not exist (HTTP 404/410, missing file): retrying will not help. */
  static final class NotFound extends IOException {
    NotFound(String message) {
      super(message);
    }
  }

  private InputStream open(URI url) throws IOException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("file")) {
      Path source = Path.of(url);
      if (!Files.isRegularFile(source)) {
        throw new NotFound(url + ": no such file");
      }
      return Files.newInputStream(source);
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("unsupported URL scheme in " + url + " (use file:, http: or https:)");
    }
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new Unreachable(url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    }
    int status = response.statusCode();
    if (status == 200) {
      return response.body();
    }
    response.body().close();
    if (status == 404 || status == 410) {
      throw new NotFound(url + ": HTTP " + status + " (not found)");
    }
    if (status == 429 || status >= 500) {
      throw new Transient(url + ": HTTP " + status, null);
    }
    throw new NotFound(url + ": HTTP " + status);
  }
}
