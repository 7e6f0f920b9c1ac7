package com.shopverse.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InteractionEventTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void roundTripsEveryFieldThroughJson() throws Exception {
    var event =
        new InteractionEvent(
            UUID.randomUUID(),
            InteractionType.ADDED_TO_CART,
            InteractionEvent.SCHEMA_VERSION,
            Instant.parse("2026-11-25T10:00:00.123Z"),
            Instant.parse("2026-11-25T10:00:00.456Z"),
            "user-1",
            null,
            "session-9",
            "p-42",
            "c-7",
            2,
            1999L,
            "EUR",
            null,
            EventSource.IOS);

    String text = json.writeValueAsString(event);

    assertThat(json.readValue(text, InteractionEvent.class)).isEqualTo(event);
    assertThat(text).contains("\"source\":\"ios\"").doesNotContain("anonymousId");
  }

  @Test
  void readsTheDocumentedWireFormat() throws Exception {
    String wire =
        """
        {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"PRODUCT_VIEWED","schemaVersion":1,
         "occurredAt":"2026-11-25T10:00:00Z","anonymousId":"anon-3","sessionId":"s-1",
         "productId":"p-1","categoryId":"c-1","source":"web"}
        """;

    InteractionEvent event = json.readValue(wire, InteractionEvent.class);

    assertThat(event.type()).isEqualTo(InteractionType.PRODUCT_VIEWED);
    assertThat(event.source()).isEqualTo(EventSource.WEB);
    assertThat(event.shopperKey()).isEqualTo("anon-3");
    assertThat(event.receivedAt()).isNull();
  }

  @Test
  void keysByUserBeforeAnonymousId() {
    var event =
        new InteractionEvent(
            UUID.randomUUID(),
            InteractionType.SEARCHED,
            1,
            Instant.now(),
            null,
            "user-1",
            "anon-1",
            null,
            null,
            null,
            null,
            null,
            null,
            "shoes",
            EventSource.WEB);

    assertThat(event.shopperKey()).isEqualTo("user-1");
    assertThat(InteractionType.SEARCHED.needsProduct()).isFalse();
    assertThat(InteractionType.PRODUCT_VIEWED.needsProduct()).isTrue();
  }
}
