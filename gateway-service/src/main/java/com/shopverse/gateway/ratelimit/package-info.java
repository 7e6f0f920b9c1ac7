/** Token-bucket rate limits in Redis, with an in-process fallback for the credential endpoints. */
package com.shopverse.gateway.ratelimit;
