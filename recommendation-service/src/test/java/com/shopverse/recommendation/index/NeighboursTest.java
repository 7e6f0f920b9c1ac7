package com.shopverse.recommendation.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.recommendation.data.ModelData.PairRow;
import com.shopverse.recommendation.model.Neighbour;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeighboursTest {

  @Test
  void keepsTheStrongestNeighboursStrongestFirstWithTiesById() {
    Neighbours top =
        Neighbours.with(
            null, List.of(row("C", 1, 1), row("B", 5, 2), row("A", 5, 3), row("D", 3, 4)), 3);

    assertThat(top.strongestFirst())
        .containsExactly(new Neighbour("A", 5), new Neighbour("B", 5), new Neighbour("D", 3));
  }

  @Test
  void theNewestVersionOfAPairWinsWhicheverOrderTheRowsArriveIn() {
    Neighbours first = Neighbours.with(null, List.of(row("A", 9, 7)), 3);

    Neighbours replayedOlder = Neighbours.with(first, List.of(row("A", 4, 6)), 3);
    Neighbours newer = Neighbours.with(first, List.of(row("A", 12, 8)), 3);

    assertThat(replayedOlder.strongestFirst()).containsExactly(new Neighbour("A", 9));
    assertThat(newer.strongestFirst()).containsExactly(new Neighbour("A", 12));
  }

  @Test
  void aDroppedNeighbourComesBackWhenItsScoreOutgrowsTheWeakestKept() {
    Neighbours full = Neighbours.with(null, List.of(row("A", 5, 1), row("B", 4, 2)), 2);
    Neighbours dropped = Neighbours.with(full, List.of(row("C", 3, 3)), 2);

    Neighbours back = Neighbours.with(dropped, List.of(row("C", 6, 4)), 2);

    assertThat(dropped.strongestFirst()).extracting(Neighbour::productId).containsExactly("A", "B");
    assertThat(back.strongestFirst()).extracting(Neighbour::productId).containsExactly("C", "A");
  }

  @Test
  void aChangeMakesANewValueAndLeavesTheOldOneAsItWas() {
    Neighbours before = Neighbours.with(null, List.of(row("A", 5, 1)), 2);

    Neighbours.with(before, List.of(row("B", 9, 2)), 2);

    assertThat(before.strongestFirst()).containsExactly(new Neighbour("A", 5));
  }

  private static PairRow row(String neighbour, double score, long version) {
    return new PairRow("P", neighbour, score, version);
  }
}
