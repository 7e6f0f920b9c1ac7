package com.shopverse.catalog;

import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The catalog's problem details, each naming what was wrong. */
public final class Problems {

  private Problems() {}

  /** 400 naming one bad field, shaped like the validation problems of service-defaults. */
  public static ProblemException badField(String type, String field, String message) {
    ProblemDetail problem =
        ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, type, field + ": " + message);
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return new ProblemException(problem, new HttpHeaders());
  }

  /** A problem about one product, carrying its id as {@code productId}. */
  public static ProblemException aboutProduct(
      HttpStatus status, String type, String productId, String detail) {
    ProblemDetail problem = ProblemDetailsAdvice.problem(status, type, detail);
    problem.setProperty("productId", productId);
    return new ProblemException(problem, new HttpHeaders());
  }
}
