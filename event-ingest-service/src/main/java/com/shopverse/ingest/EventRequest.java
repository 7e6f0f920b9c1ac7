package com.shopverse.ingest;

import com.shopverse.events.EventSource;
import com.shopverse.events.InteractionType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * What a client may send. There is no user id here on purpose: the shopper comes from the token, so
 * a body cannot claim to be someone else.
 */
record EventRequest(
    UUID eventId,
    @NotNull InteractionType type,
    Instant occurredAt,
    @Size(max = 64) String anonymousId,
    @Size(max = 64) String sessionId,
    @Size(max = 64) String productId,
    @Size(max = 64) String categoryId,
    @PositiveOrZero @Max(1000) Integer quantity,
    @PositiveOrZero Long priceMinor,
    @Pattern(regexp = "[A-Z]{3}") String currency,
    @Size(max = 256) String query,
    EventSource source) {}
