package com.shopverse.loadgen.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutOptionsTest {

  @Test
  void readsAFullCommandLine() {
    CheckoutOptions options =
        CheckoutOptions.parse(
            "--gateway", "http://127.0.0.1:18080/",
            "--catalog", "http://127.0.0.1:18082",
            "--order", "http://127.0.0.1:18083",
            "--shoppers", "500",
            "--rate", "1000",
            "--duration", "30s",
            "--timeout", "2500ms",
            "--products", "P00001, P00002,P00001",
            "--label", "Checkout at 1000 orders/s",
            "--out", "checkout.md");

    assertThat(options.gateway()).isEqualTo("http://127.0.0.1:18080");
    assertThat(options.catalog()).isEqualTo("http://127.0.0.1:18082");
    assertThat(options.order()).isEqualTo("http://127.0.0.1:18083");
    assertThat(options.shoppers()).isEqualTo(500);
    assertThat(options.rate()).isEqualTo(1000);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(options.products().ids()).containsExactly("P00001", "P00002");
    assertThat(options.label()).isEqualTo("Checkout at 1000 orders/s");
    assertThat(options.out()).isEqualTo("checkout.md");
    assertThat(options.args()).hasSize(20).startsWith("--gateway");
    assertThat(options.plannedOrders()).isEqualTo(30_000);
  }

  @Test
  void defaultsToTheLocalStackAndEveryInStockProduct() {
    CheckoutOptions options = CheckoutOptions.parse("--rate", "2.5");

    assertThat(options.gateway()).isEqualTo("http://127.0.0.1:8080");
    assertThat(options.auth())
        .as("shoppers register through the gateway")
        .isEqualTo(options.gateway());
    assertThat(options.catalog()).isEqualTo("http://127.0.0.1:8082");
    assertThat(options.order()).isEqualTo("http://127.0.0.1:8083");
    assertThat(options.shoppers()).isEqualTo(200);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.products().all()).isTrue();
    assertThat(options.plannedOrders()).isEqualTo(75);
  }

  @Test
  void registersShoppersWhereAuthIsGiven() {
    CheckoutOptions options =
        CheckoutOptions.parse("--rate", "1", "--auth", "http://127.0.0.1:18081/");

    assertThat(options.auth()).isEqualTo("http://127.0.0.1:18081");
    assertThat(options.gateway()).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void takesACountOfProducts() {
    CheckoutOptions.Products products =
        CheckoutOptions.parse("--rate", "1", "--products", "40").products();

    assertThat(products.count()).isEqualTo(40);
    assertThat(products.all()).isFalse();
    assertThat(products.ids()).isEmpty();
  }

  @Test
  void readsDurationsWithTheirUnit() {
    assertThat(CheckoutOptions.duration("--duration", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(CheckoutOptions.duration("--duration", "2m")).isEqualTo(Duration.ofMinutes(2));
    for (String bad : List.of("30", "0s", "1.5s", "2h", "25000m", "s", "")) {
      assertThatThrownBy(() -> CheckoutOptions.duration("--duration", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--duration");
    }
  }

  @Test
  void rejectsWhatItCannotRun() {
    assertThatThrownBy(() -> CheckoutOptions.parse("--duration", "30s"))
        .hasMessageContaining("--rate is required");
    assertThatThrownBy(() -> CheckoutOptions.parse("--rate", "0"))
        .hasMessageContaining("--rate '0'");
    assertThatThrownBy(() -> CheckoutOptions.parse("--rate", "fast"))
        .hasMessageContaining("--rate 'fast'");
    assertThatThrownBy(() -> CheckoutOptions.parse("--rate", "0.01", "--duration", "10s"))
        .hasMessageContaining("no order at all");
    assertThatThrownBy(() -> CheckoutOptions.parse("--rate", "1", "--shoppers", "0"))
        .hasMessageContaining("--shoppers '0'");
    assertThatThrownBy(() -> CheckoutOptions.parse("--rate", "1", "--gateway", "127.0.0.1:8080"))
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> CheckoutOptions.parse("--rate", "1", "--products", "P1,../x"))
        .hasMessageContaining("'../x' is not a product id");
    assertThatThrownBy(() -> CheckoutOptions.parse("--rate", "1", "--speed", "2"))
        .hasMessageContaining("unknown option --speed");
    assertThatThrownBy(() -> CheckoutOptions.parse("--rate"))
        .hasMessageContaining("--rate needs a value");
  }
}
