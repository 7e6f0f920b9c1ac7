package com.shopverse.loadgen.sim;

import com.shopverse.loadgen.sim.Catalog.Product;
import java.util.List;

/**
 * One thing a shopper does in a session, one HTTP request (a login may add a register and a second
 * login). {@code thinkNanos} is the pause after the previous step's answer; {@code events} are the
 * interactions it produces, buffered and sent by a later {@link Kind#EVENTS} step (a cart add or a
 * checkout only produces them when it succeeds).
 */
record Step(
    Kind kind, long thinkNanos, Product product, String query, String filter, List<Event> events) {

  enum Kind {
    LOGIN("login"),
    BROWSE("browse"),
    SEARCH("search"),
    VIEW("view"),
    CART_ADD("cart"),
    CART_REMOVE("cart"),
    CHECKOUT("checkout"),
    EVENTS("events");

    final String journey;

    Kind(String journey) {
      this.journey = journey;
    }
  }

  /** An interaction to send to event-ingest. */
  record Event(String type, Product product, String query, int quantity) {}

  static Step of(Kind kind, long thinkNanos) {
    return new Step(kind, thinkNanos, null, null, null, List.of());
  }
}
