-- wrk script: posting as readers do. Each request is either a GET of the article (which yields a
-- fresh single-use form token) or the POST of the form with a token a GET gave; counts 303s.
counter, accepted, refused, pages = 0, 0, 0, 0  -- globals: done() reads them through thread:get
local slug = os.getenv("SLUG")
local threads = {}
local tokens = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
end

function request()
  local token = table.remove(tokens)
  if token == nil then
    return wrk.format("GET", "/articles/" .. slug)
  end
  counter = counter + 1
  local unique = tid .. "x" .. counter .. "x" .. math.random(1, 1000000000)
  local body = "comment=Benchmark+comment+" .. unique
    .. "&author=Bench+" .. unique .. "&email=bench" .. unique .. "%40example.com&url="
    .. "&comment_extra=&comment_parent=&moderato_token=" .. token .. "&submit=Post+Comment"
  return wrk.format("POST", "/articles/" .. slug, { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status == 200 then
    pages = pages + 1
    local token = body:match('name="moderato_token" value="([^"]*)"')
    if token then table.insert(tokens, token) end
  elseif status == 303 then
    accepted = accepted + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local a, r, p = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    r = r + thread:get("refused")
    p = p + thread:get("pages")
  end
  io.write(string.format("ACCEPTED %d REFUSED %d PAGES %d\n", a, r, p))
end
