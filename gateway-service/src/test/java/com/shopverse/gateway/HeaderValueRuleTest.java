package com.shopverse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

class HeaderValueRuleTest {

  @Test
  void decidesEveryHeaderValueAsSpringSecuritysFirewallDoes() {
    List<String> values =
        List.of(
            "",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln",
            "text/html;\tq=0.9",
            "line\r\nInjected: yes",
            "nul\u0000byte",
            "del\u007f",
            "c1 control \u0085",
            "caf\u00e9 \u20ac \u4e2d\u6587",
            "emoji \ud83d\ude00",
            "unassigned \u0378",
            "lone surrogate \ud800");
    for (String value : values) {
      assertThat(SecurityConfiguration.isAllowedHeaderValue(value))
          .as("%s", value)
          .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value));
    }
    assertThat(SecurityConfiguration.isAllowedHeaderValue("a\r\nb")).isFalse();
    assertThat(SecurityConfiguration.isAllowedHeaderValue(null))
        .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
  }
}
