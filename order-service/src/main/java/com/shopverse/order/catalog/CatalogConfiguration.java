package com.shopverse.order.catalog;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Two RestClients for catalog-service, both with timeouts: a public one for product reads and one
 * for the inventory API that carries this service's own client-credentials token. The token comes
 * from auth-service's {@code /oauth2/token}, is cached until shortly before it expires, and is
 * dropped and fetched anew when the catalog answers 401. One request thread fetches it at a time:
 * without that, every checkout in flight when no token was cached (at start, after a 401) asked
 * auth-service for one, each an Argon2id check of the client secret there; on a loaded machine
 * those outlasted the read timeout, no token was ever cached, and every checkout failed with 503.
 *
 * <p>Both go over one pool of keep-alive connections (Apache HttpClient 5, classic: the call runs
 * on the request's own thread). The JDK {@code HttpClient} used before hands every exchange to its
 * selector thread and an executor, and under checkout load it cost more CPU than the checkout.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  static final String REGISTRATION = "catalog-inventory";

  /** Every call on behalf of the service itself, not of the shopper whose request it serves. */
  private static final Authentication SERVICE =
      new AnonymousAuthenticationToken(
          "order-service", "order-service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

  /**
   * The pooled connections to catalog-service (and the token endpoint); closed with the context.
   */
  @Bean(destroyMethod = "close")
  CloseableHttpClient catalogHttpClient(CatalogProperties properties) {
    Timeout connect = Timeout.of(properties.connectTimeout());
    Timeout read = Timeout.of(properties.readTimeout());
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(properties.maxConnections())
            .setMaxConnPerRoute(properties.maxConnections())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(connect)
                    .setSocketTimeout(read)
                    // A connection idle this long is checked before reuse (the catalog may have
                    // closed it): a cheap guard against a failed first call after a quiet spell.
                    .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                    .build())
            .build();
    return HttpClients.custom()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(
            RequestConfig.custom()
                // Waiting for a free pooled connection counts as connecting.
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(read)
                .build())
        // Checkout decides itself what to retry (a lost reservation answer is released).
        .disableAutomaticRetries()
        .evictIdleConnections(TimeValue.ofSeconds(30))
        .build();
  }

  /** The cached service token (a bean so a test can drop it, as a 401 does). */
  @Bean
  OAuth2AuthorizedClientService catalogTokens(CatalogProperties properties) {
    return new InMemoryOAuth2AuthorizedClientService(
        new InMemoryClientRegistrationRepository(registration(properties)));
  }

  @Bean
  CatalogClient catalogClient(
      RestClient.Builder builder,
      CatalogProperties properties,
      CloseableHttpClient catalogHttpClient,
      OAuth2AuthorizedClientService catalogTokens) {
    HttpComponentsClientHttpRequestFactory requests =
        new HttpComponentsClientHttpRequestFactory(catalogHttpClient);
    requests.setReadTimeout(properties.readTimeout());
    RestClient products =
        builder.clone().baseUrl(properties.url().toString()).requestFactory(requests).build();
    RestClient inventory =
        builder
            .clone()
            .baseUrl(properties.url().toString())
            .requestFactory(requests)
            .requestInterceptor(clientCredentials(properties, requests, catalogTokens))
            .build();
    return new CatalogClient(products, inventory);
  }

  private static ClientRegistration registration(CatalogProperties properties) {
    return ClientRegistration.withRegistrationId(REGISTRATION)
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope(properties.scope())
        .tokenUri(properties.tokenUri().toString())
        .build();
  }

  private static OAuth2ClientHttpRequestInterceptor clientCredentials(
      CatalogProperties properties,
      HttpComponentsClientHttpRequestFactory requests,
      OAuth2AuthorizedClientService tokens) {
    var registrations = new InMemoryClientRegistrationRepository(registration(properties));

    var tokenClient = new RestClientClientCredentialsTokenResponseClient();
    tokenClient.setRestClient(
        RestClient.builder()
            .requestFactory(requests)
            .messageConverters(
                converters -> {
                  converters.clear();
                  converters.add(new FormHttpMessageConverter());
                  converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
            .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
            .build());
    var provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
    provider.setAccessTokenResponseClient(tokenClient);

    var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
    manager.setAuthorizedClientProvider(provider);

    // One fetch at a time; the threads that waited find the token it cached (a map lookup).
    Object fetching = new Object();
    OAuth2AuthorizedClientManager singleFlight =
        request -> {
          synchronized (fetching) {
            return manager.authorize(request);
          }
        };
    var interceptor = new OAuth2ClientHttpRequestInterceptor(singleFlight);
    interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
    interceptor.setPrincipalResolver(request -> SERVICE);
    interceptor.setAuthorizationFailureHandler(
        OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
    return interceptor;
  }
}
