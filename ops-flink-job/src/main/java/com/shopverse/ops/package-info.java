/**
 * The operations job (issue 8): per-bucket series from the event streams, anomalies flagged against
 * a seasonal forecast or against a key's peers, and a short-horizon traffic forecast.
 */
package com.shopverse.ops;
