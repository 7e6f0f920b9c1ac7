/** Problem details for gateway errors, request ids and the headers forwarded to backends. */
package com.shopverse.gateway.web;
