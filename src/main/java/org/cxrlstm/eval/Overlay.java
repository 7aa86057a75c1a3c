package org.cxrlstm.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cxrlstm.data.image.CentralRegion;

/**
 * A Grad-CAM heatmap drawn over the grayscale X-ray the model saw: the "jet" colour map (blue = no
 * evidence, red = strongest) blended at a fixed alpha, as in the Grad-CAM paper's figures, and the
 * central lung region outlined, so that border evidence is visible at a glance. Images smaller than
 * {@link #MIN_SIDE} are enlarged (nearest neighbour) for viewing.
 */
public final class Overlay {
  /** Weight of the heatmap colour; 0.4 keeps the anatomy readable under the colours. */
  public static final double ALPHA_DEFAULT = 0.4;
  /** Smallest side written, in pixels. */
  public static final int MIN_SIDE = 256;

  private Overlay() {}

  /** Writes {@code gray} (S*S uint8) under {@code heat} (S*S in [0,1]) as a PNG at {@code file}. */
  public static void write(byte[] gray, float[] heat, int size, CentralRegion region, Path file) throws IOException {
    BufferedImage image = render(gray, heat, size, ALPHA_DEFAULT, region);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer for " + file);
    }
  }

  static BufferedImage render(byte[] gray, float[] heat, int size, double alpha, CentralRegion region) {
    if (gray.length != size * size || heat.length != size * size) {
      throw new IllegalArgumentException("image of " + gray.length + " and heatmap of " + heat.length
          + " values do not both hold " + size + "x" + size);
    }
    int scale = Math.max(1, (MIN_SIDE + size - 1) / size);
    int side = size * scale;
    BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int i = (r / scale) * size + c / scale;
        int g = gray[i] & 0xFF;
        int rgb = jet(heat[i]);
        int red = blend(g, (rgb >> 16) & 0xFF, alpha);
        int green = blend(g, (rgb >> 8) & 0xFF, alpha);
        int blue = blend(g, rgb & 0xFF, alpha);
        out.setRGB(c, r, (red << 16) | (green << 8) | blue);
      }
    }
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(Math.max(1, side / 256f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {side / 64f, side / 64f}, 0));
    g.drawRect((int) Math.round(region.left() * side), (int) Math.round(region.top() * side),
        (int) Math.round((region.right() - region.left()) * side) - 1,
        (int) Math.round((region.bottom() - region.top()) * side) - 1);
    g.dispose();
    return out;
  }

  private static int blend(int gray, int colour, double alpha) {
    return (int) Math.round((1 - alpha) * gray + alpha * colour);
  }

  /** MATLAB's "jet": dark blue (0) through cyan, yellow to dark red (1), as 0xRRGGBB. */
  static int jet(float v) {
    double x = Math.min(1, Math.max(0, v));
    int r = channel(1.5 - Math.abs(4 * x - 3));
    int g = channel(1.5 - Math.abs(4 * x - 2));
    int b = channel(1.5 - Math.abs(4 * x - 1));
    return (r << 16) | (g << 8) | b;
  }

  private static int channel(double v) {
    return (int) Math.round(255 * Math.min(1, Math.max(0, v)));
  }
}
