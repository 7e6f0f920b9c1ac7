package com.shopverse.order.checkout;

/** A checkout's answer as kept for replay: status, content type, body, and Location if any. */
record StoredResponse(int status, String contentType, String body, String location) {}
