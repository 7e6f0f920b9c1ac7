package com.shopverse.gateway.web;

import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Shapes the headers of the request sent to a backend (the gateway applies every {@link
 * HttpHeadersFilter} bean while it builds the proxied request, so this costs no extra copy of the
 * incoming request): client-supplied identity headers are dropped — a backend takes identity from
 * the token only — and the request id is set. Authorization passes unchanged.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter {

  private final List<String> exact;
  private final List<String> prefixes;

  ForwardedHeaders(HeaderProperties properties) {
    this.exact =
        properties.stripIdentityHeaders().stream()
            .filter(h -> !h.endsWith("*"))
            .map(h -> h.toLowerCase(Locale.ROOT))
            .toList();
    this.prefixes =
        properties.stripIdentityHeaders().stream()
            .filter(h -> h.endsWith("*"))
            .map(h -> h.substring(0, h.length() - 1).toLowerCase(Locale.ROOT))
            .toList();
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders out = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!isIdentity(name)) {
            out.put(name, values);
          }
        });
    RequestIds.copyTo(exchange, out);
    return out;
  }

  boolean isIdentity(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (exact.contains(lower)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }
}
