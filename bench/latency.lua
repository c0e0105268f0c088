-- prints exact latency percentiles (microseconds) after a wrk run
function done(summary, latency, requests)
  io.write(string.format("P50 %d P99 %d\n", latency:percentile(50), latency:percentile(99)))
end
