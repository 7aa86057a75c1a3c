package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.Initializer;
import org.cxrlstm.model.ModelSpec;
import org.cxrlstm.train.gradcam.GradCam;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("tensorflow")
class GradCamTest {
  /** Three blocks at 32 px: an 8x8 last map, fine enough to tell a quadrant. */
  static final ModelSpec TINY = new ModelSpec(32, 0.25, List.of(1, 1, 1), 8, 0.0, 2, Initializer.HE);
  static final Compute COMPUTE = Compute.defaults().withThreads(1);

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void mapsAreFiniteInUnitRangeAndInputSized(Architecture arch) {
    Batch batch = SquareImages.anywhere(6, 32, 1).batch();
    try (TrainingSession s = TrainingSession.forTraining(arch, TINY, 1e-3, 2, COMPUTE)) {
      s.step(batch, 0.0); // the session has run before the Grad-CAM ops are added
      GradCam cam = new GradCam(s);
      float[][] maps = cam.maps(batch, new int[] {0, 1, 0, 1, 1, 0});
      assertEquals(6, maps.length);
      for (float[] map : maps) {
        assertEquals(32 * 32, map.length);
        float max = 0;
        for (float v : map) {
          assertTrue(Float.isFinite(v) && v >= 0 && v <= 1, "value " + v);
          max = Math.max(max, v);
        }
        assertTrue(max == 0f || max == 1f, "normalised maximum " + max);
      }
      // a second call adds nothing and gives the same maps
      assertArrayEquals(maps[1], cam.maps(batch, new int[] {0, 1, 0, 1, 1, 0})[1]);
    }
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void theEvidenceForASquareLiesInTheCornerThatHoldsIt(Architecture arch) {
    Batch train = SquareImages.anywhere(64, 32, 7).batch();
    SquareImages test = SquareImages.inCorners(32, 32, 8);
    try (TrainingSession s = TrainingSession.forTraining(arch, TINY, 3e-3, 3, COMPUTE)) {
      for (int step = 0; step < 40; step++) {
        s.step(train, 0.0);
      }
      float[][] maps = new GradCam(s).maps(test.batch(), test.batch().labels());
      double share = 0;
      int peaks = 0;
      int n = test.batch().count();
      for (int i = 0; i < n; i++) {
        int q = test.quadrants()[i];
        share += SquareImages.quadrantShare(maps[i], 32, q);
        peaks += SquareImages.peakQuadrant(maps[i], 32) == q ? 1 : 0;
      }
      share /= n;
      // a uniform map puts 0.25 of its mass in the quadrant, and a random one its peak
      assertTrue(share > 0.5, arch + ": mean share of the evidence in the square's quadrant " + share);
      assertTrue(peaks >= 0.8 * n, arch + ": " + peaks + " of " + n + " maps peak in the square's quadrant");
    }
  }

  @Test
  void upsamplingAConstantKeepsItAndInterpolatesBetweenCells() {
    float[] constant = GradCam.upsample(new float[] {2, 2, 2, 2}, 2, 8);
    for (float v : constant) {
      assertEquals(2f, v, 1e-6);
    }
    // 2x2 -> 4x4: pixel centres at -0.25, 0.25, 0.75, 1.25 in map coordinates, clamped to [0,1]
    float[] ramp = GradCam.upsample(new float[] {0, 4, 0, 4}, 2, 4);
    assertArrayEquals(new float[] {0, 1, 3, 4}, java.util.Arrays.copyOfRange(ramp, 0, 4), 1e-6f);
  }

  @Test
  void normalisingDividesByTheMaximumAndRefusesNonFiniteMaps() {
    assertArrayEquals(new float[] {0, 0.5f, 1}, GradCam.normalise(new float[] {0, 1, 2}), 1e-6f);
    assertArrayEquals(new float[] {0, 0}, GradCam.normalise(new float[] {0, 0}));
    assertThrows(IllegalStateException.class, () -> GradCam.normalise(new float[] {1, Float.NaN}));
  }

  @Test
  void aClassOutsideTheModelIsRefused() {
    Batch batch = SquareImages.anywhere(2, 32, 1).batch();
    try (TrainingSession s = TrainingSession.forInference(Architecture.CNN, TINY, COMPUTE)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new GradCam(s).maps(batch, new int[] {0, 2}));
      assertTrue(e.getMessage().contains("class 2"), e.getMessage());
    }
  }
}
