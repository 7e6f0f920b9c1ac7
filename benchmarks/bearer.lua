-- wrk script: GET with a valid bearer token, round-robin over the tokens in $TOKENS_FILE (one a
-- line), so the gateway sees a few hundred distinct tokens. Each request is formatted once, in init.
local requests = {}
local i = 0

init = function(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    requests[#requests + 1] = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. line })
  end
end

request = function()
  i = i + 1
  return requests[(i % #requests) + 1]
end
