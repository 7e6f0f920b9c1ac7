package com.shopverse.ingest;

import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import com.shopverse.events.InteractionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts interactions one at a time or in batches. A batch is all or nothing: if any event is
 * invalid, none is published and the problem lists every bad index and field, so a client can fix
 * and resend the whole batch without creating duplicates.
 */
@RestController
class EventController {

  record Accepted(int accepted, List<UUID> eventIds) {}

  private final EventValidator validator;
  private final EventPublisher publisher;
  private final IngestProperties properties;
  private final MeterRegistry meters;
  // Registered once: the accept path runs per request, the registry lookup need not.
  private final Counter accepted;
  private final Counter failed;
  private final Clock clock = Clock.systemUTC();

  EventController(
      EventValidator validator,
      EventPublisher publisher,
      IngestProperties properties,
      MeterRegistry meters) {
    this.validator = validator;
    this.publisher = publisher;
    this.properties = properties;
    this.meters = meters;
    this.accepted = meters.counter("shopverse.ingest.events.accepted");
    this.failed = meters.counter("shopverse.ingest.events.failed");
  }

  @PostMapping("/api/events")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Accepted one(@RequestBody EventRequest event, @AuthenticationPrincipal Jwt jwt) {
    return accept(List.of(event), jwt);
  }

  @PostMapping("/api/events/batch")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Accepted batch(@RequestBody List<EventRequest> events, @AuthenticationPrincipal Jwt jwt) {
    if (events.isEmpty() || events.size() > properties.maxBatchSize()) {
      reject("batch-size");
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "batch-size",
          "A batch carries 1 to "
              + properties.maxBatchSize()
              + " events; this one has "
              + events.size()
              + ".");
    }
    return accept(events, jwt);
  }

  private Accepted accept(List<EventRequest> requests, Jwt jwt) {
    List<EventValidator.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      errors.addAll(validator.check(i, requests.get(i), jwt != null));
    }
    if (!errors.isEmpty()) {
      reject("validation");
      ProblemDetail problem =
          ProblemDetailsAdvice.problem(
              HttpStatus.BAD_REQUEST, "validation", "Some events have invalid fields.");
      problem.setProperty("errors", errors);
      throw new ProblemException(problem, new HttpHeaders());
    }
    Instant now = clock.instant();
    List<InteractionEvent> events = requests.stream().map(r -> toEvent(r, jwt, now)).toList();
    try {
      publisher.publish(events);
    } catch (EventPublisher.NotAcknowledged e) {
      failed.increment(events.size());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
      throw new ProblemException(
          ProblemDetailsAdvice.problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "broker-unavailable",
              "Events were not accepted; retry later."),
          headers);
    }
    accepted.increment(events.size());
    return new Accepted(events.size(), events.stream().map(InteractionEvent::eventId).toList());
  }

  private void reject(String reason) {
    meters.counter("shopverse.ingest.events.rejected", "reason", reason).increment();
  }

  private static InteractionEvent toEvent(EventRequest r, Jwt jwt, Instant now) {
    return new InteractionEvent(
        r.eventId() != null ? r.eventId() : UUID.randomUUID(),
        r.type(),
        InteractionEvent.SCHEMA_VERSION,
        r.occurredAt() != null ? r.occurredAt() : now,
        now,
        jwt != null ? jwt.getSubject() : null,
        jwt != null ? null : r.anonymousId(),
        r.sessionId(),
        r.productId(),
        r.categoryId(),
        r.quantity(),
        r.priceMinor(),
        r.currency(),
        r.query(),
        r.source());
  }
}
