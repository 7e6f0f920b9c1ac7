package com.shopverse.gateway.web;

import com.shopverse.defaults.ProblemDetailsAdvice;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem detail for an error the gateway itself produces (no route, too large,
 * rate limited, backend down or slow). Types follow service-defaults' scheme ({@link
 * ProblemDetailsAdvice#TYPE_BASE} + a stable slug) so a client handles gateway and service errors
 * alike.
 */
@Component
public class ProblemWriter {

  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  /** Writes the problem; {@code extra} adds members beside the standard ones (may be empty). */
  public Mono<Void> write(
      ServerWebExchange exchange,
      HttpStatus status,
      String type,
      String detail,
      Map<String, Object> extra,
      Consumer<HttpHeaders> headers) {
    ServerHttpResponse response = exchange.getResponse();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ProblemDetailsAdvice.TYPE_BASE + type);
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", exchange.getRequest().getPath().value());
    body.putAll(extra);
    byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(status);
    HttpHeaders responseHeaders = response.getHeaders();
    // A problem replaces whatever a backend may have started to say.
    responseHeaders.remove(HttpHeaders.CONTENT_ENCODING);
    responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    responseHeaders.setContentLength(bytes.length);
    headers.accept(responseHeaders);
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }

  public Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String type, String detail) {
    return write(exchange, status, type, detail, Map.of(), h -> {});
  }
}
