package com.shopverse.order.cart;

import com.shopverse.defaults.ProblemException;
import com.shopverse.order.Problems;
import com.shopverse.order.Shopper;
import com.shopverse.order.catalog.CatalogClient;
import com.shopverse.order.catalog.CatalogException;
import com.shopverse.order.catalog.CatalogProduct;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shopper's cart. The shopper is the token's subject; a body names only a product and a
 * quantity (any price, user id or other field in it is ignored). Every answer is the whole cart,
 * priced now.
 */
@RestController
class CartController {

  private final Carts carts;
  private final CatalogClient catalog;
  private final CartProperties properties;

  CartController(Carts carts, CatalogClient catalog, CartProperties properties) {
    this.carts = carts;
    this.catalog = catalog;
    this.properties = properties;
  }

  record AddItem(@NotBlank String productId, @NotNull Integer quantity) {}

  record SetQuantity(@NotNull Integer quantity) {}

  @GetMapping("/api/cart")
  CartView view(@AuthenticationPrincipal Jwt jwt) {
    return price(carts.of(Shopper.id(jwt)), Map.of());
  }

  @PostMapping("/api/cart/items")
  CartView add(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AddItem item) {
    String productId = Problems.productId(item.productId());
    int quantity = quantity(item.quantity());
    CatalogProduct product = requireSold(productId);
    if (carts.add(
            Shopper.id(jwt), productId, quantity, properties.maxQuantity(), properties.maxLines())
        < 0) {
      throw tooMany();
    }
    // The product just read prices its line: one catalog call fewer per cart edit.
    return price(carts.of(Shopper.id(jwt)), Map.of(productId, product));
  }

  @PutMapping("/api/cart/items/{productId}")
  CartView set(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String productId,
      @Valid @RequestBody SetQuantity change) {
    Problems.productId(productId);
    int quantity = quantity(change.quantity());
    CatalogProduct product = requireSold(productId);
    if (!carts.set(Shopper.id(jwt), productId, quantity, properties.maxLines())) {
      throw tooMany();
    }
    return price(carts.of(Shopper.id(jwt)), Map.of(productId, product));
  }

  @DeleteMapping("/api/cart/items/{productId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(@AuthenticationPrincipal Jwt jwt, @PathVariable String productId) {
    carts.remove(Shopper.id(jwt), Problems.productId(productId));
  }

  private int quantity(int quantity) {
    if (quantity < 1 || quantity > properties.maxQuantity()) {
      throw Problems.invalidField("quantity", "must be between 1 and " + properties.maxQuantity());
    }
    return quantity;
  }

  private ProblemException tooMany() {
    return new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "cart-limit",
        "A cart holds at most "
            + properties.maxQuantity()
            + " of one product and "
            + properties.maxLines()
            + " different products.");
  }

  private CatalogProduct requireSold(String productId) {
    return product(productId).orElseThrow(() -> Problems.unknownProduct(productId));
  }

  private Optional<CatalogProduct> product(String productId) {
    try {
      return catalog.product(productId);
    } catch (CatalogException.Unavailable e) {
      throw Problems.catalogUnavailable();
    }
  }

  /** The cart priced now; {@code known} are products already read for this request. */
  private CartView price(Cart cart, Map<String, CatalogProduct> known) {
    List<CartView.Line> lines = new ArrayList<>();
    long total = 0;
    int items = 0;
    String currency = null;
    boolean mixed = false;
    for (CartLine line : cart.lines()) {
      Optional<CatalogProduct> found =
          known.containsKey(line.productId())
              ? Optional.of(known.get(line.productId()))
              : product(line.productId());
      if (found.isEmpty()) {
        lines.add(
            new CartView.Line(
                line.productId(), null, line.quantity(), null, null, null, false, null));
        continue;
      }
      CatalogProduct product = found.get();
      long lineTotal = Math.multiplyExact(product.priceMinor(), (long) line.quantity());
      lines.add(
          new CartView.Line(
              product.id(),
              product.name(),
              line.quantity(),
              product.priceMinor(),
              product.currency(),
              lineTotal,
              true,
              product.inStock()
                  && (product.stock() == null || product.stock() >= line.quantity())));
      if (currency == null) {
        currency = product.currency();
      } else if (!currency.equals(product.currency())) {
        mixed = true;
      }
      total += lineTotal;
      items += line.quantity();
    }
    return new CartView(
        lines, items, mixed ? null : total, mixed ? null : currency, properties.maxQuantity());
  }
}
