-- wrk script: each connection is one signed-in respondent saving questionnaire pages in turn,
-- as someone answering on a phone would (POST a page, get the redirect to the next one).
-- Run with as many threads as connections (-t50 -c50): one respondent per thread, so no
-- respondent ever has two saves in flight and the last answer each sent is known exactly.
-- Reads sessions.tsv and items.tsv written by respondents.py; prints the last accepted answer
-- per respondent and page to results.tsv for respondents.py verify.

local threads = {}
local counter = 0

local function lines(path)
  local out = {}
  for line in io.lines(path) do out[#out + 1] = line end
  return out
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
  return fields
end

function setup(thread)
  counter = counter + 1
  thread:set("respondent", counter)
  threads[#threads + 1] = thread
end

function init(args)
  -- Optional think time in ms (wrk ... -- 1000): each respondent pauses about that long between
  -- pages, as a person reading the next question does. Without it wrk saturates the server.
  think = tonumber(args[1] or "0")
  math.randomseed(respondent)
  local session = split(lines("sessions.tsv")[respondent])
  cookie, token = session[1], session[2]
  items = {}
  for _, line in ipairs(lines("items.tsv")) do
    local f = split(line)
    local domains = {}
    for d in f[3]:gmatch("[^,]+") do domains[#domains + 1] = d end
    items[#items + 1] = { path = f[1], kind = tonumber(f[2]), domains = domains, version = f[4] }
  end
  n = 0
  saved = {}   -- key -> last value the server accepted
  sent = {}    -- key -> last value sent, accepted or not (a timed-out save may still have landed)
  accepted, refused = 0, 0
end

function delay()
  if think > 0 then return math.random(math.floor(think / 2), math.floor(think * 3 / 2)) end
  return 0
end

function request()
  n = n + 1
  local item = items[(n - 1) % #items + 1]
  local value
  local body = item.version .. "&__RequestVerificationToken=" .. token
  if item.kind == 0 then          -- scale
    value = tostring((n + respondent) % 5 + 1)
    body = body .. "&Value=" .. value
  elseif item.kind == 1 then      -- domain grid: every domain the same rating
    value = tostring((n + respondent) % 5 + 1)
    for _, d in ipairs(item.domains) do body = body .. "&" .. d .. "=" .. value end
  elseif item.kind == 2 then      -- yes with follow-up text
    value = "r" .. respondent .. "n" .. n
    body = body .. "&Value=yes&FollowUp=" .. value
  else                            -- free text
    value = "r" .. respondent .. "n" .. n
    body = body .. "&Value=" .. value
  end
  pending = { key = item.path:match("[^/]+$"), value = value }
  sent[pending.key] = value
  return wrk.format("POST", item.path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end

function response(status, headers, body)
  -- Keep the sign-in cookie the server renews, as a browser does: Identity checks the account's security
  -- stamp once a minute and sends a fresh cookie; replaying the first one would have every later save
  -- checked again (four more queries and a new cookie each), which no real respondent causes.
  local renewed = headers["Set-Cookie"] and headers["Set-Cookie"]:match("upward%.auth=([^;]*)")
  if renewed then
    cookie = cookie:gsub("upward%.auth=[^;]*", function() return "upward.auth=" .. renewed end)
  end
  -- A save answers 302 to the next page; anything else is a refusal or an error.
  if status == 302 and pending then
    saved[pending.key] = pending.value
    accepted = accepted + 1
  else
    refused = refused + 1
  end
  pending = nil
end

function done(summary, latency, requests)
  local out = io.open("results.tsv", "w")
  local total_accepted, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    local r = thread:get("respondent")
    total_accepted = total_accepted + thread:get("accepted")
    total_refused = total_refused + thread:get("refused")
    local last_sent = thread:get("sent")
    for key, value in pairs(thread:get("saved")) do
      out:write(r, "\t", key, "\t", value, "\t", last_sent[key], "\n")
    end
  end
  out:close()
  io.write(string.format("saves accepted (302): %d, refused or failed: %d\n", total_accepted, total_refused))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("latency p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("throughput: %.1f saves/s\n", summary.requests / (summary.duration / 1e6)))
end
