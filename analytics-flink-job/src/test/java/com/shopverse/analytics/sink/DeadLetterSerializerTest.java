package com.shopverse.analytics.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A dead letter keeps the original bytes and names where it came from and why. */
class DeadLetterSerializerTest {

  @Test
  void writesTheOriginalBytesToTheSourceTopicsDltWithItsPositionAndReason() {
    byte[] original = {'{', (byte) 0xff, 'x'}; // not even UTF-8: kept as it was
    ProducerRecord<byte[], byte[]> record =
        new DeadLetterSerializer()
            .serialize(
                new DeadLetter("order-events", 2, 41L, original, "malformed-json: bad"), null, 7L);

    assertThat(record.topic()).isEqualTo("order-events.dlt");
    assertThat(record.value()).isEqualTo(original);
    assertThat(record.timestamp()).isEqualTo(7L);
    assertThat(header(record, "dlt-source-topic")).isEqualTo("order-events");
    assertThat(header(record, "dlt-source-partition")).isEqualTo("2");
    assertThat(header(record, "dlt-source-offset")).isEqualTo("41");
    assertThat(header(record, "dlt-reason")).isEqualTo("malformed-json: bad");
  }

  @Test
  void cutsALongReasonSoTheHeaderStaysSmall() {
    ProducerRecord<byte[], byte[]> record =
        new DeadLetterSerializer()
            .serialize(new DeadLetter("t", 0, 0L, new byte[0], "x".repeat(5_000)), null, null);
    assertThat(header(record, "dlt-reason")).hasSize(500);
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
