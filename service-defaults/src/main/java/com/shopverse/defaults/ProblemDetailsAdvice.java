package com.shopverse.defaults;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a servlet service returns is an RFC 9457 problem detail with a stable {@code type}.
 * Validation errors name each bad field in {@code errors}; unexpected failures are logged here and
 * reach the client as a bare 500 without a stack trace.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  public static final String TYPE_BASE = "https://shopverse.dev/problems/";
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  /** A problem with a stable {@code type} under {@link #TYPE_BASE}. */
  public static ProblemDetail problem(HttpStatusCode status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
    List<Map<String, Object>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(
                e ->
                    Map.<String, Object>of(
                        "field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
            .toList();
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
    return ResponseEntity.status(ex.problem().getStatus()).headers(ex.headers()).body(ex.problem());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
    log.error("Unhandled error", ex);
    return ResponseEntity.internalServerError()
        .body(
            problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "An unexpected error occurred."));
  }
}
