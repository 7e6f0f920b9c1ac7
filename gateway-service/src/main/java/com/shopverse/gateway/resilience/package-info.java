/** Circuit breakers per backend and request size limits (timeouts and retries are route config). */
package com.shopverse.gateway.resilience;
