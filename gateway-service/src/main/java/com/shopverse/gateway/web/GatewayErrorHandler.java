package com.shopverse.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway produces itself becomes a problem detail: no route (404), too large
 * (413), backend unreachable or the connection to it lost before its answer (502), circuit open
 * (503), backend too slow (504), anything else (500, logged, no stack trace to the client). Ordered
 * before Boot's default handler (-1). 401/403 never get here: Spring Security's entry point and
 * access-denied handler write those.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  private final ProblemWriter problems;
  private final long retryAfterSeconds;

  GatewayErrorHandler(
      ProblemWriter problems, com.shopverse.gateway.resilience.ResilienceProperties resilience) {
    this.problems = problems;
    this.retryAfterSeconds = Math.max(1, resilience.openDuration().toSeconds());
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    String service = service(exchange);
    if (error instanceof ServiceUnavailableException
        || error instanceof CallNotPermittedException) {
      return unavailable(exchange, service);
    }
    if (error instanceof ResponseStatusException status) {
      return fromStatus(exchange, status, service);
    }
    if (causedBy(error, ConnectException.class)) {
      return badGateway(exchange, service, " could not be reached.");
    }
    if (causedBy(error, TimeoutException.class)) {
      return timeout(exchange, service);
    }
    // Reactor Netty's PrematureCloseException among them: the backend (or the pooled connection to
    // it) closed before the answer. The checkout benchmark at overload saw these answered as 500s,
    // which blamed the gateway for what was the backend's failure. GETs are retried on them first
    // (the routes' Retry filter); a POST is not, and the shopper may retry it with its
    // Idempotency-Key.
    if (causedBy(error, IOException.class)) {
      return badGateway(exchange, service, " closed the connection before answering.");
    }
    return internal(exchange, HttpStatus.INTERNAL_SERVER_ERROR, error);
  }

  private Mono<Void> fromStatus(
      ServerWebExchange exchange, ResponseStatusException error, String service) {
    HttpStatusCode code = error.getStatusCode();
    HttpStatus status = HttpStatus.resolve(code.value());
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    return switch (status) {
      case NOT_FOUND ->
          problems.write(
              exchange,
              status,
              "not-found",
              "No route for "
                  + exchange.getRequest().getMethod()
                  + " "
                  + exchange.getRequest().getPath().value()
                  + ".");
      case GATEWAY_TIMEOUT -> timeout(exchange, service);
      case SERVICE_UNAVAILABLE -> unavailable(exchange, service);
      case BAD_GATEWAY -> badGateway(exchange, service, " did not answer properly.");
      case PAYLOAD_TOO_LARGE ->
          problems.write(exchange, status, "payload-too-large", error.getReason());
      default -> {
        if (status.is5xxServerError()) {
          yield internal(exchange, status, error);
        }
        yield problems.write(exchange, status, slug(status), error.getReason());
      }
    };
  }

  /** Logged with its stack; the client learns nothing of it. */
  private Mono<Void> internal(ServerWebExchange exchange, HttpStatus status, Throwable error) {
    log.error("Gateway error on {}", exchange.getRequest().getPath(), error);
    return problems.write(exchange, status, "internal", "An unexpected error occurred.");
  }

  private Mono<Void> badGateway(ServerWebExchange exchange, String service, String what) {
    return problems.write(
        exchange,
        HttpStatus.BAD_GATEWAY,
        "bad-gateway",
        service + what,
        Map.of("service", service),
        h -> {});
  }

  private Mono<Void> unavailable(ServerWebExchange exchange, String service) {
    return problems.write(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        service + " is unavailable; try again later.",
        Map.of("service", service),
        h -> h.set("Retry-After", Long.toString(retryAfterSeconds)));
  }

  private Mono<Void> timeout(ServerWebExchange exchange, String service) {
    return problems.write(
        exchange,
        HttpStatus.GATEWAY_TIMEOUT,
        "gateway-timeout",
        service + " did not answer in time.",
        Map.of("service", service),
        h -> {});
  }

  /**
   * The backend: the route's {@code service} metadata where several routes share one (cart,
   * checkout and orders are all order-service), else the route id ("catalog", "events", ...).
   */
  private static String service(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    if (route == null) {
      return "the gateway";
    }
    Object service = route.getMetadata().get("service");
    return service == null ? route.getId() : service.toString();
  }

  private static String slug(HttpStatus status) {
    return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
