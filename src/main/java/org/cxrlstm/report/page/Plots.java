package org.cxrlstm.report.page;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxrlstm.eval.ConfusionMatrix;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart plots saved as PNG and SVG under {@code plots/}. One colour per architecture in every
 * chart ({@link #colour}); extra arms of the same architecture get darker shades of it.
 */
public final class Plots {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 500;
  private static final Color CNN = new Color(31, 119, 180);
  private static final Color CNN_LSTM = new Color(255, 127, 14);
  private static final Color OTHER = new Color(44, 160, 44);

  /** The "architecture" of a reference line (chance, perfect calibration): grey, dashed, no markers. */
  public static final String REFERENCE = "reference";

  private final Path dir;

  public Plots(Path dir) {
    this.dir = dir;
  }

  /** The colour of an architecture; {@code shade} > 0 darkens it for further arms of the same architecture. */
  public static Color colour(String arch, int shade) {
    Color base = switch (arch) {
      case "cnn" -> CNN;
      case "cnn-lstm" -> CNN_LSTM;
      default -> OTHER;
    };
    double f = Math.pow(0.72, shade);
    return new Color((int) (base.getRed() * f), (int) (base.getGreen() * f), (int) (base.getBlue() * f));
  }

  public static Color transparent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** A series of points to draw in an arm's colour. */
  public record Line(String name, String arch, int shade, double[] x, double[] y, double[] lowBand, double[] highBand) {}

  /**
   * A vertical dashed line at {@code x}, named in the legend, for a value the data does not reach (the paper's
   * 200-epoch budget on the epoch sweep's chart); the x axis reaches it.
   */
  public record Mark(double x, String label) {}

  /** Writes {@code name.png} and {@code name.svg}; returns the PNG path relative to the results folder. */
  public String save(Chart<?, ?> chart, String name) throws IOException {
    String base = dir.resolve(name).toString();
    BitmapEncoder.saveBitmapWithDPI(chart, base, BitmapEncoder.BitmapFormat.PNG, 120);
    VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return dir.getFileName() + "/" + name + ".png";
  }

  /** Fig. 6: a confusion matrix as a heatmap annotated with counts. */
  public String confusion(String name, String title, ConfusionMatrix m, List<String> classTitles) throws IOException {
    HeatMapChart chart = new HeatMapChartBuilder().width(520).height(480).title(title)
        .xAxisTitle("Predicted label").yAxisTitle("True label").build();
    chart.getStyler().setShowValue(true).setPlotContentSize(1).setLegendVisible(true);
    chart.getStyler().setHeatMapValueDecimalPattern("#0");
    chart.getStyler().setRangeColors(new Color[] {new Color(247, 251, 255), new Color(158, 202, 225),
        new Color(66, 146, 198)});
    chart.getStyler().setValueFontColor(Color.BLACK);
    List<Number[]> cells = new ArrayList<>();
    int k = m.classes();
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        // y runs bottom to top: put the first class at the top as in the paper's Fig. 6
        cells.add(new Number[] {p, k - 1 - t, m.count(t, p)});
      }
    }
    List<String> x = classTitles;
    List<String> y = new ArrayList<>(classTitles);
    java.util.Collections.reverse(y);
    chart.addSeries("images", x, y, cells);
    return save(chart, name);
  }

  /** Lines (with optional min-max bands) against a numeric x. */
  public String lines(String name, String title, String xTitle, String yTitle, List<Line> lines, boolean logX,
      boolean unitSquare) throws IOException {
    return lines(name, title, xTitle, yTitle, lines, logX, unitSquare, List.of());
  }

  /** Lines as above, with vertical {@link Mark}s. */
  public String lines(String name, String title, String xTitle, String yTitle, List<Line> lines, boolean logX,
      boolean unitSquare, List<Mark> marks) throws IOException {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLogarithmic(logX);
    if (unitSquare) {
      chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    }
    for (Line l : lines) {
      if (l.lowBand() != null) {
        double[] px = new double[2 * l.x().length];
        double[] py = new double[px.length];
        for (int i = 0; i < l.x().length; i++) {
          px[i] = l.x()[i];
          py[i] = l.highBand()[i];
          px[px.length - 1 - i] = l.x()[i];
          py[px.length - 1 - i] = l.lowBand()[i];
        }
        XYSeries band = chart.addSeries(l.name() + " min-max", px, py);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(transparent(colour(l.arch(), l.shade()), 50));
        band.setLineColor(transparent(colour(l.arch(), l.shade()), 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
      }
      XYSeries s = chart.addSeries(l.name(), l.x(), l.y());
      boolean reference = l.arch().equals(REFERENCE);
      s.setLineColor(reference ? Color.GRAY : colour(l.arch(), l.shade()));
      s.setMarkerColor(reference ? Color.GRAY : colour(l.arch(), l.shade()));
      s.setMarker(reference || l.x().length > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
      if (reference || l.name().contains("validation")) {
        s.setLineStyle(dashed());
      }
    }
    mark(chart, lines, marks);
    return save(chart, name);
  }

  private static BasicStroke dashed() {
    return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }

  /**
   * Draws each mark as a grey dashed vertical series from the lowest to the highest value drawn, named in the
   * legend (a text annotation would be clipped at the plot's edge), so the x axis reaches it.
   */
  private static void mark(XYChart chart, List<Line> lines, List<Mark> marks) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Line l : lines) {
      for (int i = 0; i < l.x().length; i++) {
        low = Math.min(low, l.lowBand() == null ? l.y()[i] : l.lowBand()[i]);
        high = Math.max(high, l.highBand() == null ? l.y()[i] : l.highBand()[i]);
      }
    }
    if (!Double.isFinite(low)) {
      low = 0;
      high = 1;
    }
    for (Mark m : marks) {
      XYSeries s = chart.addSeries(m.label(), new double[] {m.x(), m.x()}, new double[] {low, high});
      s.setLineColor(Color.GRAY);
      s.setLineStyle(dashed());
      s.setMarker(SeriesMarkers.NONE);
    }
  }

  /** Grouped bars: one group per category, one bar per series, optional symmetric error bars. */
  public String bars(String name, String title, String yTitle, List<String> categories, List<String> series,
      List<String> archs, List<double[]> values, List<double[]> errors) throws IOException {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("")
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setErrorBarsColor(Color.BLACK);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
    chart.getStyler().setYAxisDecimalPattern("#0");
    List<Integer> shades = shades(archs);
    for (int s = 0; s < series.size(); s++) {
      List<Double> y = box(values.get(s));
      var cs = errors == null ? chart.addSeries(series.get(s), categories, y)
          : chart.addSeries(series.get(s), categories, y, box(errors.get(s)));
      cs.setFillColor(archs == null ? defaultColour(s) : colour(archs.get(s), shades.get(s)));
    }
    return save(chart, name);
  }

  public static List<Integer> shades(List<String> archs) {
    List<Integer> out = new ArrayList<>();
    if (archs == null) {
      return out;
    }
    for (int i = 0; i < archs.size(); i++) {
      final String a = archs.get(i);
      out.add((int) archs.subList(0, i).stream().filter(a::equals).count());
    }
    return out;
  }

  /** Metric colours for per-class bars (Figs. 9/10), where series are metrics, not architectures. */
  private static Color defaultColour(int s) {
    Color[] c = {new Color(102, 194, 165), new Color(252, 141, 98), new Color(141, 160, 203), new Color(231, 138, 195)};
    return c[s % c.length];
  }

  private static List<Double> box(double[] v) {
    List<Double> out = new ArrayList<>();
    for (double d : v) {
      out.add(Double.isNaN(d) ? 0.0 : d);
    }
    return out;
  }

  private static void style(org.knowm.xchart.style.AxesChartStyler s) {
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(225, 225, 225));
    s.setMarkerSize(6);
  }
}
