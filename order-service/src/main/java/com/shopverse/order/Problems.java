package com.shopverse.order;

import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems order-service answers with beyond Bean Validation's. */
public final class Problems {

  private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private Problems() {}

  /** A 400 naming one bad field, in the same shape as the Bean Validation problems. */
  public static ProblemException invalidField(String field, String message) {
    ProblemDetail problem =
        ProblemDetailsAdvice.problem(
            HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return new ProblemException(problem, new HttpHeaders());
  }

  /** Checks a product id from a path or parameter. */
  public static String productId(String productId) {
    if (productId == null || !PRODUCT_ID.matcher(productId).matches()) {
      throw invalidField("productId", "must be 1 to 64 letters, digits or dashes");
    }
    return productId;
  }

  /** A 422 naming a product the catalog does not know or no longer sells. */
  public static ProblemException unknownProduct(String productId) {
    ProblemDetail problem =
        ProblemDetailsAdvice.problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "unknown-product",
            "Product " + productId + " does not exist or is no longer sold.");
    problem.setProperty("productId", productId);
    return new ProblemException(problem, new HttpHeaders());
  }

  /** A 503 for catalog-service down or too slow. */
  public static ProblemException catalogUnavailable() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "2");
    return new ProblemException(
        ProblemDetailsAdvice.problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "catalog-unavailable",
            "The catalog cannot be reached right now; retry shortly."),
        headers);
  }
}
