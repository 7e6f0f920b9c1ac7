package com.shopverse.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoData whether to seed the demo catalog (the local stack does; tests do not)
 * @param maxPageSize the largest page a client may ask for
 * @param reservationTtl how long reserved stock is held before the sweeper gives it back
 * @param reservationSweepInterval how often the sweeper looks for expired reservations
 * @param maxReservationQuantity the most units of one product one reservation may take
 * @param maxReservationLines the most products one reservation may hold
 * @param announceInterval how often products written without an event (the demo catalog, SQL
 *     imports) are looked for and published on catalog-events
 */
@ConfigurationProperties("shopverse.catalog")
public record CatalogProperties(
    boolean demoData,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue("10m") Duration reservationTtl,
    @DefaultValue("30s") Duration reservationSweepInterval,
    @DefaultValue("100") int maxReservationQuantity,
    @DefaultValue("50") int maxReservationLines,
    @DefaultValue("1m") Duration announceInterval) {}
