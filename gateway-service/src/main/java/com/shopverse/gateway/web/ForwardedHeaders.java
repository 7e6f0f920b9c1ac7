package com.shopverse.gateway.web;

import com.shopverse.gateway.ratelimit.ClientKeys;
import com.shopverse.gateway.ratelimit.RateLimitProperties;
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
 *
 * <p>{@value #CLIENT_IP} is set to the client's address as the rate limiter sees it (the TCP peer,
 * or X-Forwarded-For behind a trusted proxy), replacing any value the client sent: auth-service
 * counts failed logins per client by it.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter {

  static final String CLIENT_IP = "X-Client-Ip";

  private final List<String> exact;
  private final List<String> prefixes;
  private final ClientKeys clients;

  ForwardedHeaders(HeaderProperties properties, RateLimitProperties rateLimit) {
    this.clients = new ClientKeys(rateLimit.trustedProxies());
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
    out.set(CLIENT_IP, clients.clientIp(exchange));
    RequestIds.copyTo(exchange, out);
    return out;
  }

  /** Case-insensitive, without a lower-cased copy of every header name of every request. */
  boolean isIdentity(String name) {
    for (String header : exact) {
      if (header.equalsIgnoreCase(name)) {
        return true;
      }
    }
    for (String prefix : prefixes) {
      if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
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
