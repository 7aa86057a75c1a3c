package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cxrlstm.data.image.SyntheticImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch against a local HTTP server on 127.0.0.1 whose paths choose how it misbehaves. */
class DatasetFetcherTest {
  @TempDir
  Path dir;

  private HttpServer server;
  private Path source;
  private Manifest manifest;
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  @BeforeEach
  void start() throws IOException {
    source = SyntheticImages.writeImageFolder(dir.resolve("source"), 2, 32, 3);
    manifest = Manifest.read(source.resolve("manifest.csv"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** {@code /MODE/<file>}: ok, sha (same size, other bytes), short, cut (connection drops), flaky (500 once). */
  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String mode = path.split("/")[1];
    String file = path.substring(mode.length() + 2);
    requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    Path local = source.resolve(file);
    if (mode.equals("missing") || !Files.isRegularFile(local)) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] body = Files.readAllBytes(local);
    if (mode.equals("flaky") && requests.get(path).get() == 1) {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
      return;
    }
    if (mode.equals("sha")) {
      body[body.length / 2] ^= 1;
    }
    if (mode.equals("short")) {
      body = java.util.Arrays.copyOf(body, body.length - 5);
    }
    if (mode.equals("cut")) {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body, 0, body.length / 2);
      exchange.getResponseBody().flush();
      exchange.getHttpContext().getServer();
      throw new IOException("connection dropped on purpose");
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private DatasetFetcher fetcher(String mode) {
    return new DatasetFetcher("http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode, 2,
        Duration.ZERO, Duration.ofSeconds(10), quiet);
  }

  private List<Path> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void fetchesEverythingThenSkipsValidFiles() throws IOException {
    Path target = dir.resolve("data");
    DatasetFetcher.Report first = fetcher("ok").fetch(manifest, target, true);
    assertEquals(6, first.fetched());
    for (Manifest.Row row : manifest.rows()) {
      assertArrayEquals(Files.readAllBytes(source.resolve(row.file())), Files.readAllBytes(target.resolve(row.file())));
    }
    int served = requests.values().stream().mapToInt(AtomicInteger::get).sum();
    Files.write(target.resolve(manifest.rows().get(0).file()), new byte[] {1, 2, 3});
    DatasetFetcher.Report second = fetcher("ok").fetch(manifest, target, true);
    assertEquals(new DatasetFetcher.Report(5, 1, manifest.rows().get(0).bytes()), second);
    assertEquals(served + 1, requests.values().stream().mapToInt(AtomicInteger::get).sum());
    assertEquals(6, Dataset.fromManifest(source.resolve("manifest.csv"), target).size());
  }

  @Test
  void transientServerErrorIsRetried() throws IOException {
    assertEquals(6, fetcher("flaky").fetch(manifest, dir.resolve("data"), false).fetched());
    assertTrue(requests.values().stream().allMatch(n -> n.get() == 2));
  }

  private void assertFailsLeavingNothing(String mode, String expected, int attemptsPerFile) throws IOException {
    Path target = dir.resolve("data-" + mode);
    DataException e = assertThrows(DataException.class, () -> fetcher(mode).fetch(manifest, target, false));
    assertEquals(6, e.problems().size(), e.getMessage());
    String first = e.problems().get(0);
    assertTrue(first.contains("manifest.csv: line 2: covid/covid-000.png") && first.contains(expected), first);
    assertEquals(List.of(), filesUnder(target), "nothing partial may be left");
    assertTrue(requests.values().stream().allMatch(n -> n.get() == attemptsPerFile), requests.toString());
  }

  @Test
  void wrongChecksumFails() throws IOException {
    assertFailsLeavingNothing("sha", "does not match the manifest's", 3);
  }

  @Test
  void truncatedBodyFails() throws IOException {
    assertFailsLeavingNothing("short", "truncated body", 3);
  }

  @Test
  void notFoundFailsWithoutRetry() throws IOException {
    assertFailsLeavingNothing("missing", "HTTP 404", 1);
  }

  @Test
  void interruptedDownloadFails() throws IOException {
    assertFailsLeavingNothing("cut", "(after 3 attempts)", 3);
  }

  @Test
  void unreachableHostStopsAtTheFirstFileNamingHostAndMirror() throws IOException {
    int port;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = closed.getLocalPort();
    }
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    DatasetFetcher fetcher = new DatasetFetcher("http://127.0.0.1:" + port + "/ok", 3, Duration.ofSeconds(30),
        Duration.ofSeconds(10), new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
    Path target = dir.resolve("data");
    IOException e = assertThrows(IOException.class, () -> fetcher.fetch(manifest, target, false));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port + " refused the connection"), e.getMessage());
    assertTrue(e.getMessage().contains("first file: covid/covid-000.png"), e.getMessage());
    assertTrue(e.getMessage().contains("-Ddataset.mirror=file:"), e.getMessage());
    // no retry (a 30 s pause would follow it) and no second file tried
    assertFalse(log.toString(java.nio.charset.StandardCharsets.UTF_8).contains("retrying"), log.toString());
    assertEquals(List.of(), filesUnder(target));
  }

  @Test
  void fileMirrorAndEnsure() throws IOException {
    Path target = dir.resolve("viafile");
    Dataset d = DatasetFetcher.ensure(source.resolve("manifest.csv"), target, source.toUri().toString());
    assertEquals(6, d.size());
    assertEquals(6, filesUnder(target).size());
    assertFalse(filesUnder(target).stream().anyMatch(p -> p.toString().contains(Download.PART)));
  }

  @Test
  void leftoversOfAKilledRunAreRemovedAndBadMirrorRefused() throws IOException {
    Path target = dir.resolve("data");
    Files.createDirectories(target.resolve("covid"));
    Files.write(target.resolve("covid/.covid-000.png" + Download.PART + "123"), new byte[] {1});
    fetcher("ok").fetch(manifest, target, false);
    assertEquals(6, filesUnder(target).size());
    assertThrows(IllegalArgumentException.class, () -> new DatasetFetcher("ftp://example.org/x"));
  }

  @Test
  void sourceUrlIsRawGithub() {
    Manifest.Row row = new Manifest.Row(2, "covid/a b.png", "covid", "1", 10, "0".repeat(64),
        "ieee8023/covid-chestxray-dataset", "0f7245db", "images/a b.png", -1, -1);
    assertEquals("https://raw.githubusercontent.com/ieee8023/covid-chestxray-dataset/0f7245db/images/a%20b.png",
        new DatasetFetcher(null).url(row).toString());
    assertEquals("file:/m/covid/a%20b.png", new DatasetFetcher("file:/m/").url(row).toString());
  }
}
