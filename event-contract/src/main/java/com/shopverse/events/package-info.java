/** The versioned event contract: interaction events, topic names and schema versions. */
package com.shopverse.events;
