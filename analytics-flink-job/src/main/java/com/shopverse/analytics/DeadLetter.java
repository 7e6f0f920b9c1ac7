package com.shopverse.analytics;

/**
 * A record the job could not parse, on its way to {@code <topic>.dlt}: the original value's bytes,
 * where it was read (topic, partition, offset; -1 when the source has no Kafka position) and why it
 * was refused. Plain fields, so Flink serializes it without Kryo.
 */
public record DeadLetter(String topic, int partition, long offset, byte[] value, String reason) {

  /** The suffix of a topic's dead-letter topic. */
  public static final String SUFFIX = ".dlt";

  public static DeadLetter of(RawRecord record, String reason) {
    return new DeadLetter(
        record.topic(), record.partition(), record.offset(), record.value(), reason);
  }

  /** The topic this dead letter goes to. */
  public String deadLetterTopic() {
    return topic + SUFFIX;
  }
}
