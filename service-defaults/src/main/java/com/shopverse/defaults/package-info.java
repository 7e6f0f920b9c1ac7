/** Shared service defaults: zero-trust JWT validation and RFC 9457 problem details. */
package com.shopverse.defaults;
