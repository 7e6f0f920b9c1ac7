package com.shopverse.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.RawRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParseAnomalyTest {

  static final Duration TTL = Duration.ofMinutes(10);
  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  static ParseAnomaly.Result parse(String json) {
    return ParseAnomaly.parse(DeadLetters.json(), RawRecord.of("anomalies", json), TTL);
  }

  static String anomaly(String series, String key, String kind, String direction) {
    return ("{\"series\":\"%s\",\"key\":\"%s\",\"bucketStart\":\"%s\",\"bucketSeconds\":60,"
            + "\"kind\":\"%s\",\"direction\":\"%s\",\"expected\":2.0,\"actual\":80.0,"
            + "\"score\":9.1,\"explanation\":\"far above its peers\",\"futureField\":[1]}")
        .formatted(series, key, START, kind, direction);
  }

  @Test
  void flagsAShopperFarAboveItsPeersUntilTheTtlAfterTheBucketEnds() {
    ParseAnomaly.Result result = parse(anomaly("shopper.events", "bot-7", "peer", "up"));

    long bucketEnd = START.plusSeconds(60).toEpochMilli();
    assertThat(result.refusal()).isNull();
    assertThat(result.flag())
        .isEqualTo(new BotFlag("bot-7", bucketEnd, bucketEnd + TTL.toMillis()));
  }

  @Test
  void ignoresAnomaliesThatFlagNoShopper() {
    for (String json :
        new String[] {
          anomaly("shopper.events", "*", "level", "up"),
          anomaly("product.views", "P00042", "peer", "up"),
          anomaly("shopper.events", "quiet-1", "peer", "down"),
          anomaly("shopper.events", "bot-7", "burst", "up"), // a kind this version does not know
          anomaly("events.all", "*", "level", "down")
        }) {
      ParseAnomaly.Result result = parse(json);
      assertThat(result.flag()).as(json).isNull();
      assertThat(result.refusal()).as(json).isNull();
    }
  }

  @Test
  void refusesWhatCannotBeRead() {
    assertThat(parse("{\"series\":\"shopper.events\",").refusal()).startsWith("malformed-json");
    assertThat(parse("[1,2]").refusal()).startsWith("malformed-json");
    assertThat(parse(anomaly("shopper.events", "", "peer", "up")).refusal())
        .isEqualTo("missing-field: key");
    assertThat(parse("{\"series\":\"shopper.events\",\"key\":\"k\",\"kind\":\"peer\"}").refusal())
        .isEqualTo("missing-field: bucketStart");
    assertThat(
            parse(anomaly("shopper.events", "k", "peer", "up").replace(START.toString(), "noon"))
                .refusal())
        .startsWith("malformed-json: bucketStart");
  }
}
