package com.shopverse.order;

import com.shopverse.defaults.ProblemDetailsAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * PostgreSQL unreachable or restarting: a clean 503 problem with {@code Retry-After} instead of a
 * 500. The pool reconnects by itself once the database is back; no restart needed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InfrastructureProblems {

  private static final Logger log = LoggerFactory.getLogger(InfrastructureProblems.class);

  @ExceptionHandler({
    CannotGetJdbcConnectionException.class,
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessResourceException.class,
    QueryTimeoutException.class,
    TransactionSystemException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
    log.warn("Database unavailable: {}", ex.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "2")
        .body(
            ProblemDetailsAdvice.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "The order database is unavailable; retry shortly."));
  }
}
