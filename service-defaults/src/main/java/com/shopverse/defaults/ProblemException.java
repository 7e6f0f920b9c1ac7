package com.shopverse.defaults;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Thrown by a service to answer with a specific problem detail (and optional headers). */
public class ProblemException extends RuntimeException {

  private final ProblemDetail problem;
  private final HttpHeaders headers;

  public ProblemException(HttpStatusCode status, String type, String detail) {
    this(ProblemDetailsAdvice.problem(status, type, detail), new HttpHeaders());
  }

  public ProblemException(ProblemDetail problem, HttpHeaders headers) {
    super(problem.getDetail());
    this.problem = problem;
    this.headers = headers;
  }

  public ProblemDetail problem() {
    return problem;
  }

  public HttpHeaders headers() {
    return headers;
  }
}
