package org.cxrlstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CamSampleTest {
  @Test
  void takesTheCellsInTurn() {
    //                      0  1  2  3  4  5  6  7
    int[] labels = {0, 0, 0, 1, 1, 2, 2, 2};
    int[] predicted = {0, 1, 0, 1, 1, 2, 0, 2};
    // cells: 0 correct {0,2}, 0 wrong {1}, 1 correct {3,4}, 1 wrong {}, 2 correct {5,7}, 2 wrong {6}
    assertEquals(List.of(0, 1, 3, 5, 6), CamSample.choose(labels, predicted, 3, 5));
    assertEquals(List.of(0, 1, 3, 5, 6, 2, 4, 7), CamSample.choose(labels, predicted, 3, 100));
    assertEquals(List.of(), CamSample.choose(labels, predicted, 3, 0));
  }
}
