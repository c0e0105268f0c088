-- wrk script: the article with a random ?utm_source=... on every request, as shared links carry
local path = os.getenv("PAGE_PATH")
local n = 0
function init(args)
  math.randomseed(os.time() + math.random(1, 100000))
end
function request()
  n = n + 1
  return wrk.format("GET", path .. "?utm_source=share" .. math.random(1, 1000000000) .. "&fbclid=" .. n)
end
