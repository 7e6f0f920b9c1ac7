package com.shopverse.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the client's own if it is a sane token (1-64 of
 * {@code [A-Za-z0-9_-]}), else a fresh UUID. It goes on the response here — first of all filters,
 * so 401s and 429s carry it too — and on the request to the backend by {@link ForwardedHeaders}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds implements WebFilter {

  static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName();

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = exchange.getRequest().getHeaders().getFirst(HEADER);
    if (!isSane(id)) {
      id = newId();
    }
    exchange.getAttributes().put(ATTRIBUTE, id);
    exchange.getResponse().getHeaders().set(HEADER, id);
    return chain.filter(exchange);
  }

  static boolean isSane(String id) {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A version-4 UUID from ThreadLocalRandom: a request id must be unique, not unguessable, and
   * UUID.randomUUID() would take SecureRandom's lock on every request.
   */
  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  static String of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  static void copyTo(ServerWebExchange exchange, HttpHeaders headers) {
    String id = of(exchange);
    if (id != null) {
      headers.set(HEADER, id);
    }
  }
}
