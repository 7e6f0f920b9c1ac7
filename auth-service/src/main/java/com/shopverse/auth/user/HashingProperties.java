package com.shopverse.auth.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many Argon2id hashes may run at once. Each one holds 19 MiB of heap for its whole run, so
 * unbounded logins (Tomcat runs up to 200 at once) ran the service out of heap under a login burst.
 *
 * @param maxConcurrent hashes running at the same time; with the heap they need (19 MiB each) this
 *     must stay well below the heap size. More than the cores buys no throughput, only memory.
 * @param maxWait how long a login or registration waits for a slot before it is answered 503
 */
@ConfigurationProperties("shopverse.auth.hashing")
record HashingProperties(int maxConcurrent, Duration maxWait) {

  HashingProperties {
    maxConcurrent =
        maxConcurrent <= 0
            ? Math.max(2, Runtime.getRuntime().availableProcessors())
            : maxConcurrent;
    maxWait = maxWait == null ? Duration.ofSeconds(2) : maxWait;
  }
}
