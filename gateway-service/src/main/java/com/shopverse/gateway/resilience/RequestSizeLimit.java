package com.shopverse.gateway.resilience;

import com.shopverse.gateway.web.ProblemWriter;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over the limit with a 413 problem. A declared Content-Length is checked before
 * anything is forwarded, so such a request never reaches a backend. A chunked body (no length) is
 * counted as it streams and cut off at the limit: the backend then sees an aborted request, never a
 * complete one. (The gateway's own RequestSize filter checks Content-Length only and answers with
 * an empty body.)
 */
@Component
class RequestSizeLimit implements GlobalFilter, Ordered {

  /** Before rate limiting: a refused body should not cost the client a token. */
  static final int ORDER = -200;

  private final ProblemWriter problems;
  private final long defaultMax;
  private final Map<String, Long> maxByPath;

  RequestSizeLimit(ProblemWriter problems, ResilienceProperties properties) {
    this.problems = problems;
    this.defaultMax = properties.maxRequestSize().toBytes();
    this.maxByPath =
        properties.maxRequestSizeByPath().entrySet().stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> e.getValue().toBytes()));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long max =
        maxByPath.isEmpty()
            ? defaultMax
            : maxByPath.getOrDefault(request.getPath().value(), defaultMax);
    long length = request.getHeaders().getContentLength();
    if (length > max) {
      return problems.write(
          exchange,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "payload-too-large",
          "The request body is " + length + " bytes; this route accepts at most " + max + ".",
          Map.of("maxBytes", max),
          h -> {});
    }
    if (length >= 0 || !request.getHeaders().containsHeader("Transfer-Encoding")) {
      return chain.filter(exchange);
    }
    return chain.filter(exchange.mutate().request(new Counted(request, max)).build());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  private static final class Counted extends ServerHttpRequestDecorator {
    private final long max;

    Counted(ServerHttpRequest delegate, long max) {
      super(delegate);
      this.max = max;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      long[] seen = {0};
      return super.getBody()
          .handle(
              (buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > max) {
                  org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                  sink.error(
                      new ResponseStatusException(
                          HttpStatus.PAYLOAD_TOO_LARGE,
                          "The request body exceeds " + max + " bytes."));
                } else {
                  sink.next(buffer);
                }
              });
    }
  }
}
