package com.shopverse.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address for per-IP buckets. The TCP peer is the client unless it is a configured
 * trusted proxy; only then is X-Forwarded-For read, right to left, and the first address that is
 * not itself a trusted proxy wins. A client cannot pick its own bucket by sending the header. The
 * same address is forwarded to the backends as {@code X-Client-Ip} ({@code web.ForwardedHeaders}).
 */
public final class ClientKeys {

  private final List<AddressRange> trusted;

  public ClientKeys(List<String> trustedProxies) {
    this.trusted =
        trustedProxies.stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(AddressRange::new)
            .toList();
  }

  /** The exchange attribute holding its client address once resolved. */
  private static final String ATTRIBUTE = ClientKeys.class.getName() + ".clientIp";

  /**
   * The client's address, resolved once per exchange: the rate limiter and the forwarded {@code
   * X-Client-Ip} both ask, and the second answer is the first one's.
   */
  public String clientIp(ServerWebExchange exchange) {
    String known = exchange.getAttribute(ATTRIBUTE);
    if (known == null) {
      known = clientIp(exchange.getRequest());
      exchange.getAttributes().put(ATTRIBUTE, known);
    }
    return known;
  }

  String clientIp(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    String peer =
        remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress();
    if (trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> forwarded = request.getHeaders().get("X-Forwarded-For");
    if (forwarded == null) {
      return peer;
    }
    for (int h = forwarded.size() - 1; h >= 0; h--) {
      String[] hops = forwarded.get(h).split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        String hop = hops[i].trim();
        if (hop.isEmpty()) {
          continue;
        }
        if (!looksLikeIp(hop)) {
          // Garbage in the chain: stop believing it and use the last proxy we trust.
          return peer;
        }
        if (!isTrusted(hop)) {
          return hop;
        }
        peer = hop;
      }
    }
    return peer;
  }

  private boolean isTrusted(String address) {
    for (AddressRange range : trusted) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * IPv4 (digits and dots) or IPv6 (hex, dots and at least one colon) literals only — never
   * something InetAddress would look up in DNS.
   */
  static boolean looksLikeIp(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return false;
    }
    boolean colon = false;
    boolean hexLetter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        colon = true;
      } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        hexLetter = true;
      } else if (!(c >= '0' && c <= '9') && c != '.') {
        return false;
      }
    }
    return colon || !hexLetter;
  }
}
