package com.shopverse.catalog.inventory;

import com.shopverse.catalog.CatalogEvents;
import com.shopverse.catalog.CatalogProperties;
import com.shopverse.catalog.Problems;
import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import com.shopverse.events.catalog.StockChanged;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inventory that cannot oversell. Every line takes its units with one conditional update ({@code
 * stock = stock - q WHERE stock >= q AND active}): PostgreSQL's row lock serializes the writers of
 * one product, and a writer that waited re-checks the condition, so stock never goes below zero.
 * All lines commit together or none does; products are updated in id order, so two reservations
 * never deadlock on each other.
 */
@Service
@Transactional
public class Reservations {

  /** A reservation and whether this call created it (201) or found it (200). */
  record Outcome(Reservation reservation, boolean created) {}

  private final JdbcClient jdbc;
  private final CatalogEvents events;
  private final CatalogProperties properties;

  Reservations(JdbcClient jdbc, CatalogEvents events, CatalogProperties properties) {
    this.jdbc = jdbc;
    this.events = events;
    this.properties = properties;
  }

  /**
   * Four statements for a one-line reservation (its row, the stock update, its line, the outbox
   * row): the answer is built from what they returned, not read back.
   */
  Outcome reserve(UUID id, List<ReservationRequest.Line> lines) {
    Optional<Timestamp> expiresAt =
        jdbc.sql(
                "INSERT INTO reservations (id, status, expires_at)"
                    + " VALUES (?, 'RESERVED', now() + make_interval(secs => ?))"
                    + " ON CONFLICT (id) DO NOTHING RETURNING expires_at")
            .params(id, properties.reservationTtl().toMillis() / 1000.0)
            .query(Timestamp.class)
            .optional();
    if (expiresAt.isEmpty()) { // the same id again (a retry), or reserved concurrently
      return new Outcome(sameLinesOrConflict(find(id).orElseThrow(), lines), false);
    }
    List<Reservation.Line> taken = new ArrayList<>();
    for (ReservationRequest.Line line :
        lines.stream().sorted(Comparator.comparing(ReservationRequest.Line::productId)).toList()) {
      taken.add(take(id, line.productId(), line.quantity()));
    }
    return new Outcome(
        new Reservation(
            id, Reservation.Status.RESERVED, expiresAt.get().toInstant(), List.copyOf(taken)),
        true);
  }

  private Reservation.Line take(UUID reservationId, String productId, int quantity) {
    record Taken(String name, long priceMinor, String currency, int stock) {}
    Optional<Taken> taken =
        jdbc.sql(
                "UPDATE products SET stock = stock - :q WHERE id = :id AND active AND stock >= :q"
                    + " RETURNING name, price_minor, currency, stock")
            .param("q", quantity)
            .param("id", productId)
            .query(
                (rs, n) ->
                    new Taken(
                        rs.getString("name"),
                        rs.getLong("price_minor"),
                        rs.getString("currency"),
                        rs.getInt("stock")))
            .optional();
    if (taken.isEmpty()) {
      Optional<Integer> available =
          jdbc.sql("SELECT stock FROM products WHERE id = ? AND active")
              .param(productId)
              .query(Integer.class)
              .optional();
      if (available.isEmpty()) {
        throw Problems.aboutProduct(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "unknown-product",
            productId,
            "No product " + productId + " is for sale.");
      }
      ProblemException problem =
          Problems.aboutProduct(
              HttpStatus.CONFLICT,
              "out-of-stock",
              productId,
              "Only " + available.get() + " of " + productId + " left, " + quantity + " asked.");
      problem.problem().setProperty("available", available.get());
      throw problem;
    }
    Taken t = taken.get();
    jdbc.sql(
            "INSERT INTO reservation_lines"
                + " (reservation_id, product_id, quantity, unit_price_minor, currency, name)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(reservationId, productId, quantity, t.priceMinor(), t.currency(), t.name())
        .update();
    events.stockChanged(
        productId, -quantity, t.stock(), StockChanged.Reason.RESERVED, reservationId);
    return new Reservation.Line(productId, quantity, t.priceMinor(), t.currency(), t.name());
  }

  /**
   * Checkout's path is one conditional update (held and not expired: confirmed) and the lines; the
   * other cases (already confirmed, expired, released, unknown) take the locked path below.
   */
  Reservation confirm(UUID id) {
    Optional<Timestamp> confirmed =
        jdbc.sql(
                "UPDATE reservations SET status = 'CONFIRMED', updated_at = now()"
                    + " WHERE id = ? AND status = 'RESERVED' AND expires_at >= now()"
                    + " RETURNING expires_at")
            .param(id)
            .query(Timestamp.class)
            .optional();
    if (confirmed.isPresent()) {
      return new Reservation(
          id, Reservation.Status.CONFIRMED, confirmed.get().toInstant(), lines(id));
    }
    Reservation reservation = lock(id);
    switch (reservation.status()) {
      case CONFIRMED:
        return reservation;
      case RESERVED:
        if (expired(id)) {
          throw notActive(id, "expired");
        }
        setStatus(id, Reservation.Status.CONFIRMED);
        return find(id).orElseThrow();
      default:
        throw notActive(id, reservation.status().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Gives the stock back, from a held or a confirmed reservation (an order cancelled). */
  Reservation release(UUID id) {
    Reservation reservation = lock(id);
    if (reservation.status() == Reservation.Status.RESERVED
        || reservation.status() == Reservation.Status.CONFIRMED) {
      giveBack(reservation, Reservation.Status.RELEASED, StockChanged.Reason.RELEASED);
      return find(id).orElseThrow();
    }
    return reservation;
  }

  /** Expires up to {@code batch} reservations past their time; returns how many. */
  public int expireDue(int batch) {
    List<UUID> due =
        jdbc.sql(
                "SELECT id FROM reservations WHERE status = 'RESERVED' AND expires_at < now()"
                    + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")
            .param(batch)
            .query(UUID.class)
            .list();
    for (UUID id : due) {
      giveBack(find(id).orElseThrow(), Reservation.Status.EXPIRED, StockChanged.Reason.EXPIRED);
    }
    return due.size();
  }

  private void giveBack(
      Reservation reservation, Reservation.Status status, StockChanged.Reason reason) {
    for (Reservation.Line line : reservation.lines()) { // in product id order
      int stock =
          jdbc.sql("UPDATE products SET stock = stock + ? WHERE id = ? RETURNING stock")
              .params(line.quantity(), line.productId())
              .query(Integer.class)
              .single();
      events.stockChanged(
          line.productId(), line.quantity(), stock, reason, reservation.reservationId());
    }
    setStatus(reservation.reservationId(), status);
  }

  @Transactional(readOnly = true)
  Optional<Reservation> find(UUID id) {
    return header(id, "").map(h -> h.withLines(lines(id)));
  }

  private Reservation lock(UUID id) {
    return header(id, " FOR UPDATE")
        .map(h -> h.withLines(lines(id)))
        .orElseThrow(
            () ->
                new ProblemException(
                    HttpStatus.NOT_FOUND, "reservation-not-found", "No reservation " + id + "."));
  }

  private Optional<Reservation> header(UUID id, String lock) {
    return jdbc.sql("SELECT id, status, expires_at FROM reservations WHERE id = ?" + lock)
        .param(id)
        .query(
            (rs, n) ->
                new Reservation(
                    rs.getObject("id", UUID.class),
                    Reservation.Status.valueOf(rs.getString("status")),
                    rs.getTimestamp("expires_at").toInstant(),
                    List.of()))
        .optional();
  }

  private List<Reservation.Line> lines(UUID id) {
    return jdbc.sql(
            "SELECT product_id, quantity, unit_price_minor, currency, name FROM reservation_lines"
                + " WHERE reservation_id = ? ORDER BY product_id")
        .param(id)
        .query(
            (rs, n) ->
                new Reservation.Line(
                    rs.getString("product_id"),
                    rs.getInt("quantity"),
                    rs.getLong("unit_price_minor"),
                    rs.getString("currency"),
                    rs.getString("name")))
        .list();
  }

  private boolean expired(UUID id) {
    return jdbc.sql("SELECT expires_at < now() FROM reservations WHERE id = ?")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  private void setStatus(UUID id, Reservation.Status status) {
    jdbc.sql("UPDATE reservations SET status = ?, updated_at = now() WHERE id = ?")
        .params(status.name(), id)
        .update();
  }

  private static Reservation sameLinesOrConflict(
      Reservation existing, List<ReservationRequest.Line> lines) {
    Map<String, Integer> asked =
        lines.stream()
            .collect(
                Collectors.toMap(
                    ReservationRequest.Line::productId, ReservationRequest.Line::quantity));
    Map<String, Integer> held =
        existing.lines().stream()
            .collect(Collectors.toMap(Reservation.Line::productId, Reservation.Line::quantity));
    if (!asked.equals(held)) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "reservation-mismatch",
          "Reservation " + existing.reservationId() + " exists with other lines.");
    }
    return existing;
  }

  private static ProblemException notActive(UUID id, String state) {
    var problem =
        ProblemDetailsAdvice.problem(
            HttpStatus.CONFLICT,
            "reservation-not-active",
            "Reservation " + id + " is " + state + "; its stock is no longer held.");
    problem.setProperty("reservationId", id.toString());
    return new ProblemException(problem, new org.springframework.http.HttpHeaders());
  }
}
