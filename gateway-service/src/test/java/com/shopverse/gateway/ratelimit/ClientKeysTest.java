package com.shopverse.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientKeysTest {

  @Test
  void ignoresForwardedForFromAPeerThatIsNotATrustedProxy() {
    ClientKeys keys = new ClientKeys(List.of());
    assertThat(keys.clientIp(request("198.51.100.7", "1.2.3.4"))).isEqualTo("198.51.100.7");
    ClientKeys trustingOthers = new ClientKeys(List.of("10.0.0.0/8"));
    assertThat(trustingOthers.clientIp(request("198.51.100.7", "1.2.3.4")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void takesTheRightmostAddressThatIsNotATrustedProxy() {
    ClientKeys keys = new ClientKeys(List.of("10.0.0.0/8", "192.168.1.1"));
    // The client may prepend anything; only what our proxies appended counts.
    assertThat(keys.clientIp(request("10.1.2.3", "6.6.6.6, 203.0.113.9, 192.168.1.1")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void fallsBackToTheLastTrustedHopWhenTheChainHoldsGarbage() {
    ClientKeys keys = new ClientKeys(List.of("10.0.0.0/8"));
    assertThat(keys.clientIp(request("10.0.0.2", "evil.example, 10.0.0.5"))).isEqualTo("10.0.0.5");
    assertThat(keys.clientIp(request("10.0.0.2", null))).isEqualTo("10.0.0.2");
  }

  @Test
  void matchesIpv6Ranges() {
    ClientKeys keys = new ClientKeys(List.of("::1", "fd00::/8"));
    assertThat(keys.clientIp(request("::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
    assertThat(keys.clientIp(request("fd12::1", "2001:db8::6, fd00::9"))).isEqualTo("2001:db8::6");
  }

  private static MockServerHttpRequest request(String peer, String forwardedFor) {
    MockServerHttpRequest.BaseBuilder<?> builder =
        MockServerHttpRequest.get("/api/catalog/products")
            .remoteAddress(new InetSocketAddress(peer, 40000));
    if (forwardedFor != null) {
      builder.header("X-Forwarded-For", forwardedFor);
    }
    return builder.build();
  }
}
