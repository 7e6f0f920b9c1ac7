package com.shopverse.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.gateway.resilience.ResilienceProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/** Each kind of gateway failure becomes its problem type, without internals in the body. */
class GatewayErrorHandlerTest {

  private final GatewayErrorHandler handler =
      new GatewayErrorHandler(
          new ProblemWriter(JsonMapper.builder().build()),
          new ResilienceProperties(
              50,
              10,
              5,
              Duration.ofSeconds(10),
              DataSize.ofMegabytes(1),
              Map.of(),
              Duration.ofSeconds(1)));

  @Test
  void hidesAnUnexpectedFailureBehindAnInternalProblem() {
    MockServerWebExchange exchange = handle(new IllegalStateException("db password is hunter2"));

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("\"type\":\"https://shopverse.dev/problems/internal\"")
        .doesNotContain("hunter2");
  }

  @Test
  void turnsARefusedConnectionIntoBadGateway() {
    MockServerWebExchange exchange =
        handle(new RuntimeException("wrapped", new ConnectException("Connection refused")));

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
    assertThat(exchange.getResponse().getBodyAsString().block()).contains("/problems/bad-gateway");
  }

  @Test
  void turnsAConnectionClosedBeforeTheAnswerIntoBadGatewayNotAnInternalError() {
    MockServerWebExchange exchange =
        handle(new RuntimeException("wrapped", PrematureCloseException.TEST_EXCEPTION));

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("/problems/bad-gateway", "closed the connection before answering");
  }

  @Test
  void turnsAnOpenBreakerIntoServiceUnavailableWithRetryAfter() {
    MockServerWebExchange exchange =
        handle(
            CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("x")));

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("/problems/service-unavailable");
  }

  @Test
  void givesOtherClientErrorsATypeNamedAfterTheirStatus() {
    MockServerWebExchange exchange =
        handle(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED, "GET only"));

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("/problems/method-not-allowed")
        .contains("GET only");
  }

  private MockServerWebExchange handle(Throwable error) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/catalog/products"));
    handler.handle(exchange, error).block();
    return exchange;
  }
}
