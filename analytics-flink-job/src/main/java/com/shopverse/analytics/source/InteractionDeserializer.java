package com.shopverse.analytics.source;

import com.shopverse.analytics.RawInteraction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a Kafka record into a {@link RawInteraction}: the value as text, and the trace id from the
 * {@code traceparent} header that event-ingest-service's producer writes, so the rows the job
 * writes can be found from the shopper's request. Parsing the JSON is left to {@code
 * ParseInteraction}, which sends what it cannot read to a side output instead of failing here.
 */
public final class InteractionDeserializer
    implements KafkaRecordDeserializationSchema<RawInteraction> {

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawInteraction> out) {
    byte[] value = record.value();
    Header traceparent = record.headers().lastHeader(TraceParent.HEADER);
    String traceId =
        traceparent == null || traceparent.value() == null
            ? null
            : TraceParent.traceId(new String(traceparent.value(), StandardCharsets.US_ASCII));
    out.collect(
        new RawInteraction(
            value == null ? "" : new String(value, StandardCharsets.UTF_8), traceId));
  }

  @Override
  public TypeInformation<RawInteraction> getProducedType() {
    return TypeInformation.of(RawInteraction.class);
  }
}
