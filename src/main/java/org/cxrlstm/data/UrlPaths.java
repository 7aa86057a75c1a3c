package org.cxrlstm.data;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of relative file paths for URLs, segment by segment. */
final class UrlPaths {
  private UrlPaths() {}

  static String encode(String relativePath) {
    StringBuilder out = new StringBuilder();
    for (String segment : relativePath.split("/", -1)) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }
}
