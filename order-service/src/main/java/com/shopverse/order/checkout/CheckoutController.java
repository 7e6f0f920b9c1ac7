package com.shopverse.order.checkout;

import com.shopverse.defaults.ProblemException;
import com.shopverse.order.Problems;
import com.shopverse.order.Shopper;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/checkout} with a required {@code Idempotency-Key}: 201 with the order, or a
 * problem; a repeat with the same key and body gets the first answer again (with {@code
 * Idempotent-Replayed: true}).
 */
@RestController
class CheckoutController {

  static final int MAX_KEY_LENGTH = 255;

  private final Checkout checkout;

  CheckoutController(Checkout checkout) {
    this.checkout = checkout;
  }

  @PostMapping("/api/checkout")
  ResponseEntity<String> checkout(
      @AuthenticationPrincipal Jwt jwt,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @Valid @RequestBody(required = false) CheckoutRequest request) {
    if (key == null || key.isBlank()) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "idempotency-key-required",
          "Send an Idempotency-Key header (a UUID is a good choice) so a retry cannot order twice.");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw Problems.invalidField(
          "Idempotency-Key", "must be at most " + MAX_KEY_LENGTH + " characters");
    }
    Checkout.Outcome outcome =
        checkout.checkout(Shopper.id(jwt), key, request == null ? CheckoutRequest.EMPTY : request);
    StoredResponse response = outcome.response();
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(response.status())
            .contentType(MediaType.parseMediaType(response.contentType()));
    if (response.location() != null) {
      answer.location(URI.create(response.location()));
    }
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(response.body());
  }
}
