package com.shopverse.gateway.resilience;

import io.netty.channel.ChannelOption;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The TCP connect timeout to every backend, set once on the gateway's shared HTTP client. Not as
 * the gateway's {@code connect-timeout} property or route metadata: with either, the routing filter
 * derives a new client configuration from the shared one on every request ({@code
 * HttpClient.option(...)} copies it), a cost per request for a value that never changes.
 */
@Configuration(proxyBeanMethods = false)
class BackendConnections {

  @Bean
  HttpClientCustomizer backendConnectTimeout(ResilienceProperties properties) {
    int millis = Math.toIntExact(properties.connectTimeout().toMillis());
    return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
  }
}
