package org.cxrlstm.split;

import java.util.ArrayList;
import java.util.List;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.image.ImageSource;
import org.cxrlstm.data.image.Normalization;
import org.cxrlstm.data.image.PerceptualHash;

/**
 * Pairs of images that show the same film: posted twice, re-encoded or rescaled. Public COVID-19
 * collections list some films under two patient ids, so the split keeps each pair on one side like
 * one patient. A pair is found by its 64-bit {@link PerceptualHash}es and confirmed by its grey
 * pixels, because chest radiographs are alike at 32 px. Measured on the manifests of data/ (see
 * data/README.md): JPEG re-encodings and halvings of every image came within 4 hash bits (all but
 * one of 4,635 within 2) and 0.057 pixel RMS; pairs of different patients came as close as 2 bits,
 * but none of them nearer than 0.286 RMS; the same film posted twice under two patient ids, with
 * other contrast and cropping, was 4 bits and 0.212 RMS apart.
 */
public final class NearDuplicates {
  /** The default largest hash distance, in bits of 64, of a pair (hash distances of 64-bit median hashes are even). */
  public static final int BITS_DEFAULT = 4;
  /** Largest root-mean-square difference of the two standardised 32 px images (in standard deviations) of a pair. */
  public static final double RMS_MAX = 0.25;

  /** One pair, {@code first < second}, as dataset indices: its hash distance and pixel RMS difference. */
  public record Pair(int first, int second, int bits, double rms) {
    public boolean confirmed() {
      return rms <= RMS_MAX;
    }
  }

  private NearDuplicates() {}

  /** The hash of every image of {@code small} (its images at any side; 32 px avoids resampling). */
  public static long[] hashes(ImageSource small) {
    long[] out = new long[small.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = PerceptualHash.of(small.pixels(i), small.size());
    }
    return out;
  }

  /** Every pair of images at most {@code maxBits} hash bits apart, confirmed or not, in index order. */
  public static List<Pair> candidates(ImageSource small, long[] hashes, int maxBits) {
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < hashes.length; i++) {
      for (int j = i + 1; j < hashes.length; j++) {
        int d = PerceptualHash.distance(hashes[i], hashes[j]);
        if (d <= maxBits) {
          out.add(new Pair(i, j, d, rms(small.pixels(i), small.pixels(j))));
        }
      }
    }
    return out;
  }

  /** The confirmed pairs whose two images belong to different patients: what the split links. */
  public static List<Pair> acrossPatients(Dataset dataset, ImageSource small, int maxBits) {
    if (small.count() != dataset.size()) {
      throw new IllegalArgumentException(small.count() + " images for a dataset of " + dataset.size());
    }
    return candidates(small, hashes(small), maxBits).stream().filter(Pair::confirmed)
        .filter(p -> !dataset.entry(p.first()).patientId().equals(dataset.entry(p.second()).patientId())).toList();
  }

  /** The pairs as index groups of two, the form {@link Splitter} links. */
  public static List<int[]> links(List<Pair> pairs) {
    return pairs.stream().map(p -> new int[] {p.first(), p.second()}).toList();
  }

  /** Root-mean-square difference of two images after per-image standardisation (so brightness and contrast do not count). */
  static double rms(byte[] a, byte[] b) {
    float[] x = Normalization.standardize(a);
    float[] y = Normalization.standardize(b);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - y[i];
      sum += d * d;
    }
    return Math.sqrt(sum / x.length);
  }
}
