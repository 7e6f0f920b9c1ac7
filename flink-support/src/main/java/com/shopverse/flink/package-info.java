/**
 * What the analytics and the ops Flink job share: their execution environment, settings from
 * arguments or environment, Kafka topics and sources.
 */
package com.shopverse.flink;
