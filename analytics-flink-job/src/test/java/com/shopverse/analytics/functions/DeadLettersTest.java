package com.shopverse.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import com.shopverse.events.InteractionEvent;
import com.shopverse.events.catalog.CatalogEvent;
import com.shopverse.events.order.OrderEvent;
import org.junit.jupiter.api.Test;

/** The reason a parse function gives for a record it cannot read (the dead letter's header). */
class DeadLettersTest {

  @Test
  void namesMalformedJsonAsSuch() {
    assertThat(reason("{not json", InteractionEvent.class)).startsWith("malformed-json: ");
    assertThat(reason("{\"type\":\"OrderPaid\",", OrderEvent.class)).startsWith("malformed-json: ");
  }

  @Test
  void namesAnUnknownTypeOfEveryContract() {
    assertThat(reason("{\"type\":\"TELEPORTED\"}", InteractionEvent.class))
        .startsWith("unknown-type: ");
    assertThat(reason("{\"type\":\"OrderTeleported\"}", OrderEvent.class))
        .startsWith("unknown-type: ");
    assertThat(reason("{\"type\":\"PriceGuessed\"}", CatalogEvent.class))
        .startsWith("unknown-type: ");
  }

  @Test
  void namesAMissingTypeOfAPolymorphicContractAsAMissingField() {
    assertThat(reason("{\"eventId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\"}", OrderEvent.class))
        .isEqualTo("missing-field: type");
  }

  @Test
  void aBadValueOfAnotherFieldIsMalformedNotAnUnknownType() {
    assertThat(
            reason(
                "{\"type\":\"PRODUCT_VIEWED\",\"source\":\"fax\",\"eventId\":\"x\"}",
                InteractionEvent.class))
        .startsWith("malformed-json: ");
  }

  private static String reason(String json, Class<?> type) {
    Exception e = catchException(() -> DeadLetters.json().readValue(json, type));
    assertThat(e).as("%s must not parse", json).isNotNull();
    return DeadLetters.reason(e);
  }
}
