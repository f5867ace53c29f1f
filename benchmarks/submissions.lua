-- wrk script of the submissions benchmark (build/bench.sh): every request changes the applicant's choice,
-- so every request is a real edit that appends an event and rewrites the snapshot (an unchanged resubmission
-- would be a no-op and flatter the numbers).
--   wrk ... -s benchmarks/submissions.lua URL -- MODE SOURCE THREADS YEAR CELL_A CELL_B
--   MODE host: SOURCE is a file of access tokens, one applicant a line; PUT /api/enrollment/me/application
--   MODE bare: SOURCE is the number of applicants; PUT /applications/{n}
-- The applicants are dealt out to the wrk threads, so one applicant's requests come from one thread, in turn
-- (never two at once). Each applicant alternates between base CELL_A and base CELL_B (specialty GP): when the
-- applicant stands on a third base before the run, every request sent changes the choice.
local threads_seen = 0

function setup(thread)
  thread:set("thread_id", threads_seen)
  threads_seen = threads_seen + 1
end

local body = '{"year":%s,"baseCode":"%s","specialtyCode":"GP","category":"INDEPENDENT","declaresNoEmployment":true,'
  .. '"acceptsReallocation":true,"requestsExemption":false,"declaration":true}'

function init(args)
  local mode, source, threads, year = args[1], args[2], tonumber(args[3]), args[4]
  local cells = { args[5], args[6] }
  local ids = {}
  if mode == "host" then
    for line in io.lines(source) do
      if line ~= "" then ids[#ids + 1] = line end
    end
  else
    for n = 1, tonumber(source) do ids[#ids + 1] = tostring(n) end
  end
  -- Both requests of each of this thread's applicants, formatted once: wrk shares the cores with the apps.
  mine = {}
  for i = thread_id + 1, #ids, threads do
    local pair = {}
    for c = 1, 2 do
      local json = string.format(body, year, cells[c])
      if mode == "host" then
        pair[c] = wrk.format("PUT", "/api/enrollment/me/application",
          { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. ids[i] }, json)
      else
        pair[c] = wrk.format("PUT", "/applications/" .. ids[i], { ["Content-Type"] = "application/json" }, json)
      end
    end
    mine[#mine + 1] = pair
  end
  if #mine == 0 then error("no applicants for wrk thread " .. thread_id) end
  cursor, visits = 0, {}
end

function request()
  cursor = cursor % #mine + 1
  local v = visits[cursor] or 0
  visits[cursor] = v + 1
  return mine[cursor][v % 2 + 1]
end
