/**
 * The OAuth2 token endpoint ({@code /oauth2/token}, also {@code /api/auth/token}): services' {@code
 * client_credentials} grant and shoppers' {@code refresh_token} grant.
 */
package com.shopverse.auth.client;
