/** The transactional outbox: event rows that commit with the business rows, and their relay. */
package com.shopverse.outbox;
