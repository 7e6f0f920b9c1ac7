package com.shopverse.catalog.inventory;

import com.shopverse.catalog.CatalogProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Gives back the stock of reservations nobody confirmed within {@code reservation-ttl}, every
 * {@code reservation-sweep-interval}. Safe with several replicas: each batch locks its rows with
 * {@code SKIP LOCKED}.
 */
@Component
class ReservationSweeper implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);
  private static final int BATCH = 100;

  private final Reservations reservations;
  private final CatalogProperties properties;

  ReservationSweeper(Reservations reservations, CatalogProperties properties) {
    this.reservations = reservations;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::sweepQuietly, properties.reservationSweepInterval());
  }

  /** Expires every reservation that is due; returns how many. */
  int sweep() {
    int total = 0;
    int expired;
    do {
      expired = reservations.expireDue(BATCH);
      total += expired;
    } while (expired == BATCH);
    return total;
  }

  private void sweepQuietly() {
    try {
      int expired = sweep();
      if (expired > 0) {
        log.info("Expired {} reservations and gave their stock back", expired);
      }
    } catch (RuntimeException e) {
      log.warn("Reservation sweep failed, retrying next interval: {}", e.toString());
    }
  }
}
