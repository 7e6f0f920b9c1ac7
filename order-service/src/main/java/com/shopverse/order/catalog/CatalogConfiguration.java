package com.shopverse.order.catalog;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
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
 * dropped and fetched anew when the catalog answers 401.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  static final String REGISTRATION = "catalog-inventory";

  /** Every call on behalf of the service itself, not of the shopper whose request it serves. */
  private static final Authentication SERVICE =
      new AnonymousAuthenticationToken(
          "order-service", "order-service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

  @Bean
  CatalogClient catalogClient(RestClient.Builder builder, CatalogProperties properties) {
    JdkClientHttpRequestFactory requests = requestFactory(properties);
    RestClient products =
        builder.clone().baseUrl(properties.url().toString()).requestFactory(requests).build();
    RestClient inventory =
        builder
            .clone()
            .baseUrl(properties.url().toString())
            .requestFactory(requests)
            .requestInterceptor(clientCredentials(properties, requests))
            .build();
    return new CatalogClient(products, inventory);
  }

  private static OAuth2ClientHttpRequestInterceptor clientCredentials(
      CatalogProperties properties, JdkClientHttpRequestFactory requests) {
    ClientRegistration registration =
        ClientRegistration.withRegistrationId(REGISTRATION)
            .clientId(properties.clientId())
            .clientSecret(properties.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope(properties.scope())
            .tokenUri(properties.tokenUri().toString())
            .build();
    var registrations = new InMemoryClientRegistrationRepository(registration);
    OAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);

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

    var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
    interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
    interceptor.setPrincipalResolver(request -> SERVICE);
    interceptor.setAuthorizationFailureHandler(
        OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
    return interceptor;
  }

  private static JdkClientHttpRequestFactory requestFactory(CatalogProperties properties) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(properties.readTimeout());
    return factory;
  }
}
