package com.shopverse.events.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthEventTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void loginFailedRoundTripsWithItsType() throws Exception {
    var event =
        new LoginFailed(
            UUID.randomUUID(),
            Instant.parse("2026-12-01T10:00:00.5Z"),
            AuthEvent.SCHEMA_VERSION,
            "203.0.113.7",
            LoginFailed.LOCKED);

    String text = json.writeValueAsString(event);

    assertThat(text).contains("\"type\":\"LoginFailed\"", "\"clientIp\":\"203.0.113.7\"");
    assertThat(json.readValue(text, AuthEvent.class)).isEqualTo(event);
  }

  @Test
  void readsTheDocumentedWireFormat() throws Exception {
    String wire =
        """
        {"type":"LoginFailed","eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","schemaVersion":1,
         "occurredAt":"2026-12-01T10:00:00Z","clientIp":"198.51.100.4",
         "outcome":"invalid-credentials"}
        """;

    AuthEvent event = json.readValue(wire, AuthEvent.class);

    assertThat(event).isInstanceOf(LoginFailed.class);
    assertThat(((LoginFailed) event).outcome()).isEqualTo(LoginFailed.INVALID_CREDENTIALS);
    assertThat(event.clientIp()).isEqualTo("198.51.100.4");
  }
}
