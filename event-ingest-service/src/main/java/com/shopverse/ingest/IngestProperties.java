package com.shopverse.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topic where accepted interactions go
 * @param partitions partitions of {@code topic} when this service creates it
 * @param maxBatchSize the most events one batch request may carry
 * @param ackTimeout how long a request waits for the broker's acknowledgement before answering 503
 * @param retryAfter what a 503 tells the client to wait
 */
@ConfigurationProperties("shopverse.ingest")
record IngestProperties(
    String topic, int partitions, int maxBatchSize, Duration ackTimeout, Duration retryAfter) {}
