/** Services as OAuth2 clients: the {@code client_credentials} grant at {@code /oauth2/token}. */
package com.shopverse.auth.client;
