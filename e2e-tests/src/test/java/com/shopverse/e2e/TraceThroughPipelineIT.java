package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One shopper click followed by its trace id: a client starts a W3C trace, sends an event through
 * the gateway, and the trace id is on the event's row in ClickHouse. On the way it crossed the
 * gateway (which continues the incoming trace), event-ingest-service (whose Kafka send writes the
 * trace into the record's {@code traceparent} header), Kafka, and the Flink job (which reads that
 * header and writes the id into {@code interactions.trace_id}): nothing else links them.
 */
@Order(2)
class TraceThroughPipelineIT {

  static Stack stack;
  static Gateway gateway;

  @BeforeAll
  static void up() {
    stack = SharedStack.get();
    gateway = new Gateway(stack);
  }

  @Test
  void anEventsRowInClickHouseCarriesTheTraceIdTheClientStartedAtTheGateway() throws Exception {
    String traceId = randomHex(16);
    String clientSpan = randomHex(8);
    String eventId = UUID.randomUUID().toString();

    HttpResponse<String> accepted =
        gateway.post(
            "/api/events",
            "{\"eventId\":\""
                + eventId
                + "\",\"type\":\"PRODUCT_CLICKED\",\"productId\":\"P00042\","
                + "\"anonymousId\":\"trace-e2e\",\"source\":\"web\"}",
            null,
            "traceparent",
            "00-" + traceId + "-" + clientSpan + "-01");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    // What docs/pipeline.md tells an operator to run with a trace id from the logs or the tracer.
    String byTrace =
        "SELECT event_id, type, anonymous_id FROM interactions FINAL WHERE trace_id = '"
            + traceId
            + "'";
    List<String> rows = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline && rows.isEmpty()) {
      rows = stack.clickHouseRows(byTrace).stream().map(cols -> String.join("\t", cols)).toList();
      Thread.sleep(200);
    }
    assertThat(rows)
        .as("rows of trace %s", traceId)
        .containsExactly(eventId + "\tPRODUCT_CLICKED\ttrace-e2e");
  }

  private static String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
