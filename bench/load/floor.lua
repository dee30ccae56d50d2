-- wrk script for the floor (Floor/Program.cs): each connection is one respondent posting a small form,
-- one save in flight at a time (run with as many threads as connections). Writes every acknowledged
-- save to floor-acknowledged.tsv so run.sh can check each one is in the database.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("respondent", counter)
  threads[#threads + 1] = thread
end

function init(args)
  n = 0
  acknowledged = {}
  refused = 0
end

function request()
  n = n + 1
  pending = "r" .. respondent .. "n" .. n
  return wrk.format("POST", "/save", { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "respondent=" .. respondent .. "&item=q" .. (n % 10) .. "&value=" .. pending)
end

function response(status, headers, body)
  if status == 204 and pending then
    acknowledged[#acknowledged + 1] = pending
  else
    refused = refused + 1
  end
  pending = nil
end

function done(summary, latency, requests)
  local out = io.open("floor-acknowledged.tsv", "w")
  local total, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_refused = total_refused + thread:get("refused")
    for _, value in ipairs(thread:get("acknowledged")) do
      out:write(value, "\n")
      total = total + 1
    end
  end
  out:close()
  io.write(string.format("saves acknowledged (204): %d, refused or failed: %d, socket errors: %d\n", total, total_refused,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("latency p%d: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("throughput: %.1f saves/s\n", total / (summary.duration / 1e6)))
end
