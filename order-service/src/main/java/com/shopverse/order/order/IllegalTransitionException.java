package com.shopverse.order.order;

/** A state change the order's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

  private final OrderStatus from;
  private final String action;

  IllegalTransitionException(OrderStatus from, String action) {
    super("An order that is " + from + " cannot be " + action + ".");
    this.from = from;
    this.action = action;
  }

  public OrderStatus from() {
    return from;
  }

  public String action() {
    return action;
  }
}
