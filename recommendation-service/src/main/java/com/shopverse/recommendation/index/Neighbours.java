package com.shopverse.recommendation.index;

import com.shopverse.recommendation.data.ModelData.PairRow;
import com.shopverse.recommendation.model.Neighbour;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A product's strongest co-visited neighbours, immutable, at most {@code keep} of them.
 *
 * <p>Keeping only the top ones loses nothing: a pair's stored score only grows with its version
 * (forward decay adds, never subtracts), so a neighbour dropped for being weaker than the weakest
 * kept can only come back through a newer row with a higher score — which the index then reads.
 *
 * @param rows the newest version of each kept neighbour's row
 * @param strongestFirst the kept neighbours, strongest first (ties by id, as ClickHouse ordered)
 */
record Neighbours(Map<String, PairRow> rows, List<Neighbour> strongestFirst) {

  private static final Comparator<PairRow> STRONGEST_FIRST =
      Comparator.comparingDouble(PairRow::score).reversed().thenComparing(PairRow::neighbourId);

  /** {@code before} (null for a product without neighbours) with the changed rows. */
  static Neighbours with(Neighbours before, List<PairRow> changed, int keep) {
    Map<String, PairRow> rows = before == null ? new HashMap<>() : new HashMap<>(before.rows);
    for (PairRow row : changed) {
      rows.merge(row.neighbourId(), row, (old, now) -> now.version() > old.version() ? now : old);
    }
    List<PairRow> kept = rows.values().stream().sorted(STRONGEST_FIRST).limit(keep).toList();
    Map<String, PairRow> keptRows = new HashMap<>();
    kept.forEach(row -> keptRows.put(row.neighbourId(), row));
    return new Neighbours(
        Map.copyOf(keptRows),
        kept.stream().map(row -> new Neighbour(row.neighbourId(), row.score())).toList());
  }
}
