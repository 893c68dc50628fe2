-- Shared wrk report for the load bench: prints one machine-readable RESULT line.
--
-- Loaded with dofile() by the route scripts; benches/load/run.sh parses the line:
-- RESULT requests duration_us p50_us p99_us connect read write status timeout

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\n",
      summary.requests, summary.duration,
      latency:percentile(50.0), latency:percentile(99.0),
      e.connect, e.read, e.write, e.status, e.timeout))
end
