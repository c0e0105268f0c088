-- wrk script: every request posts a new comment (unique author email and text) with the form token
-- given in TOKEN; counts 303 (stored) and anything else (refused) per thread.
counter, accepted, refused = 0, 0, 0  -- globals: done() reads them through thread:get
local token = os.getenv("TOKEN")
local slug = os.getenv("SLUG")
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
end

function request()
  counter = counter + 1
  local unique = tid .. "x" .. counter .. "x" .. math.random(1, 1000000000)
  local body = "commentform=commentform&comment=Benchmark+comment+" .. unique
    .. "&author=Bench+" .. tid .. "&email=bench" .. unique .. "%40example.com&url="
    .. "&comment_extra=&moderato_token=" .. token
    .. "&submit=Post+Comment&jakarta.faces.ViewState=stateless"
  return wrk.format("POST", "/articles/" .. slug, { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status == 303 then accepted = accepted + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local a, r = 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    r = r + thread:get("refused")
  end
  io.write(string.format("ACCEPTED %d REFUSED %d\n", a, r))
end
