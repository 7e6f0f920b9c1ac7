package com.shopverse.analytics.source;

import com.shopverse.analytics.RawRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a Kafka record of any of the job's topics into a {@link RawRecord}: the value's bytes, its
 * topic, partition and offset, and the trace id from the {@code traceparent} header that
 * event-ingest-service's producer writes, so the rows the job writes can be found from the
 * shopper's request. Parsing is left to the {@code Parse*} functions, which send what they cannot
 * read to the dead-letter topic instead of failing here (a deserializer that throws would fail the
 * job on every replay of the same record).
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
    Header traceparent = record.headers().lastHeader(TraceParent.HEADER);
    String traceId =
        traceparent == null || traceparent.value() == null
            ? null
            : TraceParent.traceId(new String(traceparent.value(), StandardCharsets.US_ASCII));
    out.collect(
        new RawRecord(
            record.topic(),
            record.partition(),
            record.offset(),
            record.value() == null ? new byte[0] : record.value(),
            traceId));
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return TypeInformation.of(RawRecord.class);
  }
}
