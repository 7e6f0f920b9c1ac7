package com.shopverse.ingest;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Bean Validation plus the rules that depend on the event type and on who is calling. */
@Component
class EventValidator {

  /** One bad field; {@code index} is the event's position in a batch (0 for a single event). */
  record FieldError(int index, String field, String message) {}

  private final Validator validator;

  EventValidator(Validator validator) {
    this.validator = validator;
  }

  List<FieldError> check(int index, EventRequest event, boolean authenticated) {
    List<FieldError> errors = new ArrayList<>();
    if (event == null) {
      errors.add(new FieldError(index, "", "must not be null"));
      return errors;
    }
    validator.validate(event).stream()
        .map(v -> new FieldError(index, v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .forEach(errors::add);
    if (event.type() != null && event.type().needsProduct() && isBlank(event.productId())) {
      errors.add(new FieldError(index, "productId", "is required for " + event.type()));
    }
    if (!authenticated && isBlank(event.anonymousId())) {
      errors.add(new FieldError(index, "anonymousId", "is required without a token"));
    }
    return errors;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
