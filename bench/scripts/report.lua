-- wrk: one summary line per run (requests/s, latency percentiles in ms, failures).
done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
            + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50=%.2f p99=%.2f p999=%.2f max=%.2f requests=%d non2xx_or_errors=%d bytes_per_req=%.0f\n",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests, bad,
    summary.bytes / math.max(1, summary.requests)))
end
