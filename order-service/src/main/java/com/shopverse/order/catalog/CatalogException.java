package com.shopverse.order.catalog;

/** catalog-service refused or could not answer. */
public abstract sealed class CatalogException extends RuntimeException {

  CatalogException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Not enough stock for {@link #productId()} (all-or-nothing: nothing was reserved). */
  public static final class OutOfStock extends CatalogException {
    private final String productId;

    OutOfStock(String productId, String detail) {
      super(detail, null);
      this.productId = productId;
    }

    public String productId() {
      return productId;
    }
  }

  /** The catalog does not know {@link #productId()}, or it is no longer sold. */
  public static final class UnknownProduct extends CatalogException {
    private final String productId;

    UnknownProduct(String productId, String detail) {
      super(detail, null);
      this.productId = productId;
    }

    public String productId() {
      return productId;
    }
  }

  /** catalog-service is down, slow, or answered something unexpected. */
  public static final class Unavailable extends CatalogException {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
