package com.shopverse.analytics.sink;

import com.shopverse.analytics.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a dead letter to {@code <source topic>.dlt}: the original value's bytes unchanged, and
 * headers naming where it was read and why it was refused, so it can be inspected, fixed and
 * re-sent to its topic.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

  public static final String SOURCE_TOPIC = "dlt-source-topic";
  public static final String SOURCE_PARTITION = "dlt-source-partition";
  public static final String SOURCE_OFFSET = "dlt-source-offset";
  public static final String REASON = "dlt-reason";

  /** Longer reasons (Jackson quotes the input) are cut, so a header stays small. */
  private static final int MAX_REASON = 500;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(SOURCE_TOPIC, utf8(letter.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(letter.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(letter.offset())));
    String reason = letter.reason();
    headers.add(
        REASON, utf8(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
    return new ProducerRecord<>(
        letter.deadLetterTopic(), null, timestamp, null, letter.value(), headers);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
