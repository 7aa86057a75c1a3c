package org.cxrlstm.report.page;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as a list of blocks, rendered once as Markdown (report.md) and once as HTML
 * (report.html) so that both show the same content in the same order.
 */
public final class Page {
  private sealed interface Block permits Heading, Text, TableBlock, Image, Bullets {}

  private record Heading(int level, String text) implements Block {}

  private record Text(String text) implements Block {}

  private record TableBlock(Table table) implements Block {}

  private record Image(String path, String caption) implements Block {}

  private record Bullets(List<String> items) implements Block {}

  private final List<Block> blocks = new ArrayList<>();

  public Page heading(int level, String text) {
    blocks.add(new Heading(level, text));
    return this;
  }

  public Page text(String text) {
    blocks.add(new Text(text));
    return this;
  }

  public Page table(Table table) {
    blocks.add(new TableBlock(table));
    return this;
  }

  /** An image by its path relative to the report. */
  public Page image(String path, String caption) {
    blocks.add(new Image(path, caption));
    return this;
  }

  public Page bullets(List<String> items) {
    if (!items.isEmpty()) {
      blocks.add(new Bullets(List.copyOf(items)));
    }
    return this;
  }

  /** True if the page has a table or an image (a page without either is never written over a report). */
  public boolean hasResults() {
    return blocks.stream().anyMatch(b -> b instanceof TableBlock || b instanceof Image);
  }

  public String markdown() {
    StringBuilder s = new StringBuilder();
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        s.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
      } else if (b instanceof Text t) {
        s.append(t.text()).append("\n\n");
      } else if (b instanceof TableBlock t) {
        s.append("**").append(t.table().title()).append("**\n\n").append(t.table().markdown()).append('\n');
      } else if (b instanceof Image i) {
        s.append("![").append(i.caption()).append("](").append(i.path()).append(")\n\n*")
            .append(i.caption()).append("*\n\n");
      } else if (b instanceof Bullets l) {
        l.items().forEach(item -> s.append("- ").append(item).append('\n'));
        s.append('\n');
      }
    }
    return s.toString();
  }

  public String html(String title) {
    StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:auto;"
            + "padding:1em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:3px 7px;"
            + "text-align:left}th{background:#eee}img{max-width:100%}figcaption{font-style:italic}</style>"
            + "</head><body>\n");
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        s.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level()).append(">\n");
      } else if (b instanceof Text t) {
        s.append("<p>").append(esc(t.text())).append("</p>\n");
      } else if (b instanceof TableBlock t) {
        s.append(tableHtml(t.table()));
      } else if (b instanceof Image i) {
        s.append("<figure><img src=\"").append(esc(i.path())).append("\" alt=\"").append(esc(i.caption()))
            .append("\"><figcaption>").append(esc(i.caption())).append("</figcaption></figure>\n");
      } else if (b instanceof Bullets l) {
        s.append("<ul>");
        l.items().forEach(item -> s.append("<li>").append(esc(item)).append("</li>"));
        s.append("</ul>\n");
      }
    }
    return s.append("</body></html>\n").toString();
  }

  private static String tableHtml(Table t) {
    StringBuilder s = new StringBuilder("<table><caption><b>").append(esc(t.title())).append("</b></caption><tr>");
    t.header().forEach(h -> s.append("<th>").append(esc(h)).append("</th>"));
    s.append("</tr>\n");
    for (List<String> row : t.rows()) {
      s.append("<tr>");
      row.forEach(c -> s.append("<td>").append(esc(c)).append("</td>"));
      s.append("</tr>\n");
    }
    return s.append("</table>\n").toString();
  }

  /** HTML-escapes text; Markdown emphasis markers ({@code **}, backticks) are dropped. */
  public static String esc(String v) {
    return v.replace("**", "").replace("`", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
