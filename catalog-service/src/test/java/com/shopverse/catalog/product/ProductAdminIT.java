package com.shopverse.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.catalog.CatalogTokens;
import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin writes on a real PostgreSQL; their events travel through the outbox to a real in-process
 * KRaft broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductAdminIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  static final CatalogTokens tokens = CatalogTokens.start();
  static final EmbeddedKafkaKraftBroker broker = startBroker();
  static final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired ProductAnnouncer announcer;

  static EmbeddedKafkaKraftBroker startBroker() {
    var broker = new EmbeddedKafkaKraftBroker(1, 3, "catalog-events");
    broker.afterPropertiesSet();
    return broker;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=catalog");
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
    registry.add("shopverse.outbox.bootstrap-servers", broker::getBrokersAsString);
  }

  @AfterAll
  static void stop() {
    broker.destroy();
    tokens.close();
    postgres.close();
  }

  @Test
  void onlyAdminsWrite() {
    String body = form("SKU-AUTH-1", 100, "c-books");

    assertThat(http().post("/api/catalog/products", body, null).statusCode()).isEqualTo(401);
    HttpResponse<String> customer = http().post("/api/catalog/products", body, tokens.customer());
    assertThat(customer.statusCode()).isEqualTo(403);
    assertThat(customer.body()).contains("forbidden");
    assertThat(http().post("/api/catalog/products", body, tokens.service("inventory")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void createsUpdatesAdjustsAndDeactivatesAProductPublishingEachChange() {
    category("c-books");
    HttpResponse<String> created =
        http().post("/api/catalog/products", form("SKU-NEW-1", 2500, "c-books"), tokens.admin());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
    String id = json.readTree(created.body()).get("id").asString();

    HttpResponse<String> updated = put(id, "\"0\"", form("SKU-NEW-1", 2700, "c-books"));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(updated.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(updated.body()).contains("\"priceMinor\":2700");

    HttpResponse<String> adjusted =
        http().post("/api/catalog/products/" + id + "/stock", "{\"delta\":5}", tokens.admin());
    assertThat(adjusted.body()).contains("\"stock\":12");
    assertThat(
            http()
                .post("/api/catalog/products/" + id + "/stock", "{\"delta\":-13}", tokens.admin())
                .statusCode())
        .isEqualTo(409);

    assertThat(
            http().send("DELETE", "/api/catalog/products/" + id, null, tokens.admin()).statusCode())
        .isEqualTo(204);
    assertThat(http().get("/api/catalog/products/" + id).statusCode()).isEqualTo(404);

    List<JsonNode> events = eventsFor(id, 4);
    assertThat(events)
        .extracting(e -> e.get("type").asString() + ":" + changeOf(e))
        .containsExactly(
            "ProductChanged:CREATED",
            "ProductChanged:UPDATED",
            "StockChanged:ADJUSTED",
            "ProductChanged:DEACTIVATED");
    assertThat(events.get(1).get("priceMinor").asLong()).isEqualTo(2700);
    assertThat(events.get(3).get("active").asBoolean()).isFalse();
    assertThat(events).extracting(e -> e.get("eventId").asString()).doesNotHaveDuplicates();
  }

  @Test
  void rejectsAStaleOrMissingIfMatch() {
    category("c-books");
    String id = create("SKU-STALE-1");
    assertThat(put(id, "\"0\"", form("SKU-STALE-1", 300, "c-books")).statusCode()).isEqualTo(200);

    HttpResponse<String> stale = put(id, "\"0\"", form("SKU-STALE-1", 1, "c-books"));
    HttpResponse<String> missing = put(id, null, form("SKU-STALE-1", 1, "c-books"));

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.body()).contains("stale-version");
    assertThat(stale.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(missing.statusCode()).isEqualTo(428);
    assertThat(http().get("/api/catalog/products/" + id).body()).contains("\"priceMinor\":300");
  }

  @Test
  void ignoresFieldsAnAdminMayNotSet() {
    category("c-books");
    String id = create("SKU-MASS-1");
    String body =
        form("SKU-MASS-1", 400, "c-books")
            .replace(
                "{",
                "{\"id\":\"HIJACK\",\"stock\":9999,\"version\":99,\"active\":false,\"inStock\":true,");

    HttpResponse<String> response = put(id, "\"0\"", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode product = json.readTree(response.body());
    assertThat(product.get("id").asString()).isEqualTo(id);
    assertThat(product.get("stock").asInt()).isEqualTo(7);
    assertThat(product.get("version").asLong()).isEqualTo(1);
    assertThat(product.get("active").asBoolean()).isTrue();
  }

  @Test
  void announcesProductsWrittenBySqlOnceForEachVersion() {
    category("c-books");
    sql(
        "INSERT INTO products (id, sku, name, price_minor, currency, category_id, stock)"
            + " VALUES ('P-SEED-1', 'SKU-SEED-1', 'Seeded Book', 1200, 'EUR', 'c-books', 4)");
    String viaApi = create("SKU-ANNOUNCED-1");

    announcer.announce();
    announcer.announce();
    sql("UPDATE products SET price_minor = 999, version = version + 1 WHERE id = 'P-SEED-1'");
    announcer.announce();
    // A last event after the announcements: anything announced twice would arrive before it.
    for (String id : List.of("P-SEED-1", viaApi)) {
      http().post("/api/catalog/products/" + id + "/stock", "{\"delta\":1}", tokens.admin());
    }

    List<JsonNode> seeded = eventsFor("P-SEED-1", 3);
    assertThat(seeded)
        .extracting(e -> e.get("type").asString() + ":" + changeOf(e))
        .containsExactly(
            "ProductChanged:CREATED", "ProductChanged:UPDATED", "StockChanged:ADJUSTED");
    assertThat(seeded.get(0).get("categoryId").asString()).isEqualTo("c-books");
    assertThat(seeded.get(0).get("stock").asInt()).isEqualTo(4);
    assertThat(seeded.get(1).get("priceMinor").asLong()).isEqualTo(999);
    assertThat(seeded.get(1).get("version").asLong()).isEqualTo(1);
    assertThat(eventsFor(viaApi, 2))
        .as("a product written through the admin API is not announced again")
        .extracting(e -> e.get("type").asString() + ":" + changeOf(e))
        .containsExactly("ProductChanged:CREATED", "StockChanged:ADJUSTED");
  }

  @Test
  void rejectsAbsurdValuesNamingTheField() {
    category("c-books");
    HttpResponse<String> negative =
        http().post("/api/catalog/products", form("SKU-BAD-1", -5, "c-books"), tokens.admin());
    HttpResponse<String> unknownCategory =
        http().post("/api/catalog/products", form("SKU-BAD-2", 5, "c-nowhere"), tokens.admin());

    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body()).contains("\"field\":\"priceMinor\"");
    assertThat(unknownCategory.statusCode()).isEqualTo(422);
    assertThat(unknownCategory.body()).contains("unknown-category");
  }

  @Test
  void exposesTheRelayProducersKafkaClientMetricsAndThePoolAfterASend() throws Exception {
    category("c-books");
    String id = create("SKU-METRICS-1");
    eventsFor(id, 1);

    // Kafka's client metrics are read when scraped; the acknowledged send is counted by then.
    double sent = 0;
    for (int i = 0; i < 50 && sent == 0; i++) {
      sent = sample("kafka_producer_record_send_total");
      if (sent == 0) {
        Thread.sleep(100);
      }
    }
    assertThat(sent).isGreaterThan(0);
    assertThat(http().get("/actuator/prometheus").body())
        .contains("kafka_producer_record_error_total{")
        .contains("kafka_producer_request_latency_avg{")
        .contains("client_id=\"outbox-relay\"")
        .contains("hikaricp_connections_active{")
        .contains("hikaricp_connections_pending{")
        .contains("hikaricp_connections_max{");
  }

  /** The sum of a metric's samples on the service's own /actuator/prometheus page. */
  private double sample(String name) {
    return java.util.Arrays.stream(http().get("/actuator/prometheus").body().split("\n"))
        .filter(line -> line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String changeOf(JsonNode event) {
    return event.has("change") ? event.get("change").asString() : event.get("reason").asString();
  }

  private String create(String sku) {
    HttpResponse<String> created =
        http().post("/api/catalog/products", form(sku, 100, "c-books"), tokens.admin());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("id").asString();
  }

  private HttpResponse<String> put(String id, String ifMatch, String body) {
    return ifMatch == null
        ? http().send("PUT", "/api/catalog/products/" + id, body, tokens.admin())
        : http()
            .send("PUT", "/api/catalog/products/" + id, body, tokens.admin(), "If-Match", ifMatch);
  }

  private void category(String id) {
    // No demo data here: the admin tests bring their own category.
    sql(
        "INSERT INTO categories (id, name) VALUES ('"
            + id
            + "', '"
            + id
            + "') ON CONFLICT DO NOTHING");
  }

  /** A write straight to the catalog's tables, as the demo seeding or an import does. */
  private static void sql(String statement) {
    try (var con =
            java.sql.DriverManager.getConnection(postgres.jdbcUrl() + "&currentSchema=catalog");
        var st = con.createStatement()) {
      st.executeUpdate(statement);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(String sku, long priceMinor, String category) {
    return json.writeValueAsString(
        Map.of(
            "sku",
            sku,
            "name",
            "Admin Book " + sku,
            "description",
            "A book created by an admin.",
            "priceMinor",
            priceMinor,
            "currency",
            "EUR",
            "categoryId",
            category,
            "stock",
            7,
            "attributes",
            Map.of("author", "A. Writer"),
            "imageUrls",
            List.of("https://img.shopverse.dev/x.jpg")));
  }

  /** The events keyed by {@code productId} on catalog-events, once {@code expected} arrived. */
  private static List<JsonNode> eventsFor(String productId, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "admin-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<JsonNode> events = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("catalog-events"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (events.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (productId.equals(record.key())) {
            events.add(json.readTree(record.value()));
          }
        }
      }
    }
    return events;
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
