-- wrk script: POST one PRODUCT_VIEWED event (anonymous shopper) to /api/events.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":"PRODUCT_VIEWED","productId":"P00042","categoryId":"c-audio","anonymousId":"bench-1","source":"web"}'
