package com.shopverse.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.netty.http.client.HttpClient;

/** The connect timeout lands on the shared client once, in milliseconds. */
class BackendConnectionsTest {

  @Test
  void setsTheConfiguredConnectTimeoutOnTheSharedClient() {
    ResilienceProperties properties =
        new ResilienceProperties(
            50,
            10,
            5,
            Duration.ofSeconds(10),
            DataSize.ofMegabytes(1),
            Map.of(),
            Duration.ofMillis(750));

    HttpClient client =
        new BackendConnections().backendConnectTimeout(properties).customize(HttpClient.create());

    Object timeout = client.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS);

    assertThat(timeout).isEqualTo(750);
  }

  @Test
  void defaultsToOneSecondWhenNotConfigured() {
    ResilienceProperties properties =
        new ResilienceProperties(
            50, 10, 5, Duration.ofSeconds(10), DataSize.ofMegabytes(1), null, null);

    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
  }
}
