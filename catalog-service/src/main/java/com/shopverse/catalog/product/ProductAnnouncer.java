package com.shopverse.catalog.product;

import com.shopverse.catalog.CatalogProperties;
import com.shopverse.events.catalog.ProductChanged;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a {@code ProductChanged} for every product whose current version catalog-events has not
 * heard of: the demo catalog and any other rows written by SQL rather than through the admin API.
 * Without it the analytics job's product dimension would never learn about them. Runs at start-up
 * and then every {@code announce-interval}; each batch locks its rows with {@code SKIP LOCKED}, so
 * replicas share the work, and the event and the {@code announced_version} commit together through
 * the outbox, so a product is announced once per version.
 */
@Component
class ProductAnnouncer implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ProductAnnouncer.class);
  private static final int BATCH = 200;

  private final JdbcClient jdbc;
  private final ProductAdmin admin;
  private final TransactionTemplate transactions;
  private final CatalogProperties properties;

  ProductAnnouncer(
      JdbcClient jdbc,
      ProductAdmin admin,
      TransactionTemplate transactions,
      CatalogProperties properties) {
    this.jdbc = jdbc;
    this.admin = admin;
    this.transactions = transactions;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::announceQuietly, properties.announceInterval());
  }

  /** Announces every product not yet announced at its current version; returns how many. */
  int announce() {
    int total = 0;
    int announced;
    do {
      announced = transactions.execute(status -> announceBatch());
      total += announced;
    } while (announced == BATCH);
    return total;
  }

  private int announceBatch() {
    List<Unannounced> products =
        jdbc.sql(
                "SELECT id, active, announced_version IS NOT NULL AS announced_before FROM products"
                    + " WHERE announced_version IS DISTINCT FROM version"
                    + " ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED")
            .param("batch", BATCH)
            .query(Unannounced.class)
            .list();
    for (Unannounced product : products) {
      admin.announce(product.id(), product.change());
    }
    return products.size();
  }

  private void announceQuietly() {
    try {
      int announced = announce();
      if (announced > 0) {
        log.info("Announced {} products on catalog-events", announced);
      }
    } catch (RuntimeException e) {
      log.warn("Announcing products failed, retrying next interval: {}", e.toString());
    }
  }

  record Unannounced(String id, boolean active, boolean announcedBefore) {
    ProductChanged.Change change() {
      if (!active) {
        return ProductChanged.Change.DEACTIVATED;
      }
      return announcedBefore ? ProductChanged.Change.UPDATED : ProductChanged.Change.CREATED;
    }
  }
}
