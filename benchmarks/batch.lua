-- wrk script: POST a batch of 500 PRODUCT_VIEWED events (anonymous shopper) to /api/events/batch.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local events = {}
for i = 1, 500 do
  events[i] = string.format(
    '{"type":"PRODUCT_VIEWED","productId":"P%05d","categoryId":"c-audio","anonymousId":"bench-%d","sessionId":"s-%d","source":"web"}',
    (i % 360) + 1, i % 50, i % 50)
end
wrk.body = "[" .. table.concat(events, ",") .. "]"
