package com.shopverse.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogEventTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void roundTripsProductChangedWithItsType() throws Exception {
    var event =
        new ProductChanged(
            UUID.randomUUID(),
            Instant.parse("2026-11-25T10:00:00.123Z"),
            CatalogEvent.SCHEMA_VERSION,
            ProductChanged.Change.UPDATED,
            "P00042",
            "SKU-AUDI-042",
            "Studio Audio Max 42",
            "c-audio",
            12999,
            "EUR",
            true,
            17,
            true,
            3);

    String text = json.writeValueAsString(event);

    assertThat(text).contains("\"type\":\"ProductChanged\"", "\"change\":\"UPDATED\"");
    assertThat(json.readValue(text, CatalogEvent.class)).isEqualTo(event);
    assertThat(json.readValue(text, ProductChanged.class)).isEqualTo(event);
  }

  @Test
  void roundTripsStockChangedWithItsType() throws Exception {
    var event =
        new StockChanged(
            UUID.randomUUID(),
            Instant.parse("2026-11-25T10:00:01Z"),
            CatalogEvent.SCHEMA_VERSION,
            "P00042",
            -2,
            0,
            false,
            StockChanged.Reason.RESERVED,
            UUID.randomUUID());

    String text = json.writeValueAsString(event);

    assertThat(text).contains("\"type\":\"StockChanged\"", "\"reason\":\"RESERVED\"");
    assertThat(json.readValue(text, CatalogEvent.class)).isEqualTo(event);
  }

  @Test
  void readsTheDocumentedWireFormat() throws Exception {
    String wire =
        """
        {"type":"StockChanged","eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427",
         "occurredAt":"2026-11-25T10:00:00Z","schemaVersion":1,"productId":"P00001",
         "delta":25,"stock":30,"inStock":true,"reason":"ADJUSTED"}
        """;

    CatalogEvent event = json.readValue(wire, CatalogEvent.class);

    assertThat(event).isInstanceOf(StockChanged.class);
    assertThat(((StockChanged) event).reservationId()).isNull();
    assertThat(event.productId()).isEqualTo("P00001");
  }
}
