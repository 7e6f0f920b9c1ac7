/**
 * Bearer token validation at the gateway: size limit and header rules before parsing, RS256
 * signature against auth-service's JWKS (refetched at a bounded rate), claims, and a bounded cache
 * of tokens already verified.
 */
package com.shopverse.gateway.token;
