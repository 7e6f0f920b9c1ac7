/**
 * Refresh tokens: opaque, stored as SHA-256 hashes, rotated on every use, a reused one revoking its
 * whole family; and logout.
 */
package com.shopverse.auth.refresh;
