package com.shopverse.recommendation.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopverse.events.InteractionType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionCsvTest {

  private static final List<Interaction> SAMPLE =
      List.of(
          new Interaction(1772409600000L, "S1", "S1-01", InteractionType.SEARCHED, "", "C01"),
          new Interaction(
              1772409601000L, "S1", "S1-01", InteractionType.PRODUCT_VIEWED, "P1", "C01"),
          new Interaction(1772409602000L, "S2", "", InteractionType.ADDED_TO_CART, "P2", ""),
          new Interaction(1772409603000L, "S2", "", InteractionType.PURCHASED, "P2", "C02"));

  @TempDir Path dir;

  @Test
  void roundTripsThroughAGzippedFile() throws IOException {
    Path file = dir.resolve("data.csv.gz");

    InteractionCsv.write(file, SAMPLE);

    assertThat(InteractionCsv.read(file)).isEqualTo(SAMPLE);
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[0] & 0xff).isEqualTo(0x1f); // gzip magic
  }

  @Test
  void writesThePlainDocumentedFormat() throws IOException {
    Path file = dir.resolve("data.csv");

    InteractionCsv.write(file, SAMPLE.subList(0, 3));

    assertThat(Files.readAllLines(file))
        .containsExactly(
            "occurred_ms,shopper_id,session_id,type,product_id,category_id",
            "1772409600000,S1,S1-01,SEARCHED,,C01",
            "1772409601000,S1,S1-01,PRODUCT_VIEWED,P1,C01",
            "1772409602000,S2,,ADDED_TO_CART,P2,");
  }

  @Test
  void rejectsAFileWithoutTheHeader() {
    assertThatThrownBy(() -> read("1,S1,,PRODUCT_VIEWED,P1,C1\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("header");
  }

  @Test
  void namesTheLineOfABadRecord() {
    String csv = InteractionCsv.HEADER + "\n1,S1,,PRODUCT_VIEWED,P1,C1\n2,S1,,LIKED,P1,C1\n";

    assertThatThrownBy(() -> read(csv)).isInstanceOf(IOException.class).hasMessageContaining(":3:");
  }

  @Test
  void rejectsAProductEventWithoutAProduct() {
    String csv = InteractionCsv.HEADER + "\n1,S1,,PRODUCT_VIEWED,,C1\n";

    assertThatThrownBy(() -> read(csv)).hasMessageContaining("needs a product_id");
  }

  private static List<Interaction> read(String csv) throws IOException {
    return InteractionCsv.read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
  }
}
