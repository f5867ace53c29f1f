#!/usr/bin/env bash
# Benchmark harness: measures the Recruitment host beside a bare ASP.NET Core app in the same run
# and writes the results to docs/benchmarks.md, one section per benchmark.
#   build/bench.sh                  run every benchmark
#   build/bench.sh --only startup   run only the named benchmark(s) (repeatable, or comma separated)
#   build/bench.sh --list           list the benchmarks
# Settings: BENCH_RUNS (cold starts per app, default 5), BENCH_DB (default recruitment_bench),
# BENCH_WRK_DURATION (default 10s), BENCH_WRK_CONNECTIONS (default 16), BENCH_WRK_THREADS (default 2),
# BENCH_HOST_PORT / BENCH_BARE_PORT (loopback ports, default 5391 / 5392),
# BENCH_APPLICANTS (submissions: applicants prepared per app, default 2000), BENCH_ROUNDS (submissions: measured
# runs per app, host and bare alternating, default 3), BENCH_SCORE_ROWS (scores: rows imported, default 100000),
# BENCH_ALLOCATION_RUNS (allocation: timed runs per market size, default 15), BENCH_WEB_RUNS (web: visits per network
# profile, default 3), BENCH_WEB_PORT (web: the published host's loopback port, default 5393).
# BENCH_INPUT_POLICY_ROUNDS (inputpolicy: alternating rounds, default 7).
#
# Adding a benchmark: write a function bench_NAME that prints its markdown section body to stdout
# (progress goes to stderr), add NAME to BENCHMARKS below; the section is replaced in place between
# <!-- bench:NAME:begin --> and <!-- bench:NAME:end --> markers, so other sections survive --only runs.
# Measured, not asserted: nothing here fails on slow numbers, and nothing of it runs in the tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

BENCHMARKS=(startup submissions scores allocation inputpolicy web)

runs="${BENCH_RUNS:-5}"
db="${BENCH_DB:-recruitment_bench}"
wrk_duration="${BENCH_WRK_DURATION:-10s}"
wrk_connections="${BENCH_WRK_CONNECTIONS:-16}"
wrk_threads="${BENCH_WRK_THREADS:-2}"
applicants="${BENCH_APPLICANTS:-2000}"
rounds="${BENCH_ROUNDS:-3}"
doc="$root/docs/benchmarks.md"

# The apps under test: name -> published dll, loopback port. Both run as Release, Production.
declare -A APP_DLL=(
  [host]="$root/src/Host/Recruitment.Host/bin/Release/net10.0/Recruitment.Host.dll"
  [bare]="$root/benchmarks/Recruitment.Benchmarks.Bare/bin/Release/net10.0/Recruitment.Benchmarks.Bare.dll"
)
declare -A APP_PORT=([host]="${BENCH_HOST_PORT:-5391}" [bare]="${BENCH_BARE_PORT:-5392}" [web]="${BENCH_WEB_PORT:-5393}")
declare -A APP_TITLE=([host]="Recruitment host" [bare]="bare ASP.NET Core" [web]="published Recruitment host")
APP_PROJECTS=("src/Host/Recruitment.Host" "benchmarks/Recruitment.Benchmarks.Bare" "benchmarks/Recruitment.Benchmarks.Prepare"
  "benchmarks/Recruitment.Benchmarks.Allocation" "benchmarks/Recruitment.Benchmarks.InputPolicy")
# Set-up tool of the submissions benchmark (not measured): a cycle open now, applicants ready to apply.
PREPARE_DLL="$root/benchmarks/Recruitment.Benchmarks.Prepare/bin/Release/net10.0/Recruitment.Benchmarks.Prepare.dll"
# The allocation benchmark: a console app timing Enrollment's pure allocation functions (no app, no database).
ALLOCATION_DLL="$root/benchmarks/Recruitment.Benchmarks.Allocation/bin/Release/net10.0/Recruitment.Benchmarks.Allocation.dll"
# The input-policy benchmark: a console app timing RequestGuard and JsonInputPolicy on the submission body (no app, no database).
INPUT_POLICY_DLL="$root/benchmarks/Recruitment.Benchmarks.InputPolicy/bin/Release/net10.0/Recruitment.Benchmarks.InputPolicy.dll"

work="$(mktemp -d -t recruitment-bench.XXXXXX)"
app_pid=""
parked_pid=""  # an app kept running while the next one starts (submissions runs both side by side)
pg_port=""

log() { echo "bench: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cleanup() {
  stop_app
  stop_pid "$parked_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

usage() { sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

# ---------------------------------------------------------------- setup

ensure_tools() {
  command -v curl >/dev/null || die "curl is missing"
  command -v dotnet >/dev/null || die "dotnet is missing"
  if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "installing the Debian package 'wrk'"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
    else
      die "wrk is missing: install it, e.g. 'sudo apt-get install wrk'"
    fi
  fi
}

build() {
  local project
  for project in "${APP_PROJECTS[@]}"; do
    log "building $project (Release)"
    dotnet build "$root/$project" -c Release -nologo -v quiet >&2 || die "build of $project failed"
  done
}

# A dedicated database, so the host's schema creation and any load leave the developers' one alone.
start_database() {
  "$root/build/pg.sh" start >&2
  export ConnectionStrings__Postgres; ConnectionStrings__Postgres="$("$root/build/pg.sh" url "$db")"
  pg_port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$ConnectionStrings__Postgres")"
  sql postgres -c "select 1 from pg_database where datname = '$db'" | grep -q 1 || sql postgres -c "create database $db" >/dev/null
}

# sql DATABASE PSQL_ARGS...: psql on the private cluster, unaligned tuples only.
sql() { local database="$1"; shift; PGPASSWORD=postgres psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$database" -qtA "$@"; }

# ---------------------------------------------------------------- app lifecycle

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_app NAME: launches the app in the background (PID in $app_pid, output in $work/NAME.log).
# The dll runs from its own folder, which is its content root (appsettings.json is read from there).
start_app() {
  local name="$1" dll="${APP_DLL[$1]}" port="${APP_PORT[$1]}"
  [ -f "$dll" ] || die "$dll is missing (build failed?)"
  # Something else answering on the port would be measured instead of our app.
  port_in_use "$port" && die "port $port is already in use; set BENCH_${name^^}_PORT"
  (cd "$(dirname "$dll")" && exec dotnet "$dll" --urls "http://127.0.0.1:$port") >"$work/$name.log" 2>&1 &
  app_pid=$!
}

# stop_app: stops the app started last, by its PID only; SIGTERM first for a graceful shutdown.
stop_app() {
  stop_pid "$app_pid"
  app_pid=""
}

stop_pid() {
  local pid="$1"
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "PID $pid ignored SIGTERM for 15 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  wait "$pid" 2>/dev/null || true
}

# wait_ready NAME START_US: polls /health/ready every 20 ms until the first 200 and sets ready_ms
# to the milliseconds since START_US (an $EPOCHREALTIME reading without the dot, i.e. microseconds).
# Globals rather than $(...) output: the app must stay a child of this shell, so that stop_app and
# the exit trap can stop it.
ready_ms=""
wait_ready() {
  local name="$1" start_us="$2" url="http://127.0.0.1:${APP_PORT[$1]}/health/ready" deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/$name.log" >&2; die "$name exited before it was ready (log above)"; }
    ((SECONDS < deadline)) || { cat "$work/$name.log" >&2; die "$name not ready within 120 s (log above)"; }
    sleep 0.02
  done
  local end_us="${EPOCHREALTIME/./}"
  ready_ms=$(((end_us - start_us) / 1000))
}

# cold_start NAME: one launch, timed from just before the fork to the first 200 (ready_ms), then stopped.
cold_start() {
  local start_us="${EPOCHREALTIME/./}"
  start_app "$1"
  wait_ready "$1" "$start_us"
  stop_app
}

# ---------------------------------------------------------------- measuring helpers

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -1; }
median_decimal() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
median_decimal3() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ratio A B: A / B with two decimals (host ÷ bare throughout the document).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f\n", a / b }'; }

# wrk_load NAME OUT: a load run against the running app's /health/ready (loopback only); raw output to OUT.
wrk_load() {
  wrk -t"$wrk_threads" -c"$wrk_connections" -d"$wrk_duration" --latency \
    "http://127.0.0.1:${APP_PORT[$1]}/health/ready" >"$2"
}

# wrk_req_per_sec FILE / wrk_percentile_ms FILE P / wrk_non2xx FILE: read wrk's --latency report.
wrk_req_per_sec() { awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$1"; }
wrk_percentile_ms() {
  awk -v p="$2%" '$1 == p {
      v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
      f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1
      printf "%.2f\n", v * f }' "$1"
}
wrk_non2xx() {
  awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$1"
}
wrk_requests() { awk '/ requests in / { print $1 }' "$1"; }

# cpu_ticks PID...: user + system CPU time of the processes so far, in clock ticks (getconf CLK_TCK per second).
cpu_ticks() {
  local pid total=0 t
  for pid in "$@"; do
    t="$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null)" || t=0
    total=$((total + ${t:-0}))
  done
  echo "$total"
}

# postgres_ticks FILE: writes "PID TICKS" for the private cluster's postmaster and its children (backends,
# writers; not any other cluster's). postgres_ticks_since FILE: the ticks used since, by processes alive at both
# readings plus those started in between.
postgres_ticks() {
  local postmaster pid
  postmaster="$(head -1 "${PG_DATA_DIR:-$root/.data/pg}/postmaster.pid")"
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do echo "$pid $(cpu_ticks "$pid")"; done >"$1"
}
postgres_ticks_since() {
  postgres_ticks "$1.now"
  awk 'NR == FNR { before[$1] = $2; next } { total += $2 - before[$1] } END { print total + 0 }' "$1" "$1.now"
}

# ms_per A_TICKS B_TICKS REQUESTS: CPU milliseconds per request between two cpu_ticks readings.
ms_per() { awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n + 0 == 0) print "n/a"; else printf "%.2f\n", (b - a) * 1000 / hz / n }'; }

# ---------------------------------------------------------------- benchmarks

# startup: cold start until the first 200 from /health/ready, then /health/ready under load.
bench_startup() {
  local name i
  local -A launches=()
  # One uncounted launch each: the host creates its schemas on its first start against a new
  # database, and both apps get their files into the page cache.
  for name in host bare; do
    log "startup: warm-up launch of $name"
    cold_start "$name"
    log "startup: $name warm-up ${ready_ms} ms (not counted)"
  done
  # Interleaved, so that background load on the machine drifts over both apps alike.
  for ((i = 1; i <= runs; i++)); do
    for name in host bare; do
      cold_start "$name"
      launches[$name]+="$ready_ms "
      log "startup: $name run $i/$runs: ${ready_ms} ms"
    done
  done

  # Load: a fresh instance, a short uncounted wrk run to warm the JIT and the connection pool, then the measured run.
  for name in host bare; do
    log "startup: load on $name (wrk -t$wrk_threads -c$wrk_connections -d$wrk_duration)"
    start_app "$name"
    wait_ready "$name" "${EPOCHREALTIME/./}"
    wrk -t"$wrk_threads" -c"$wrk_connections" -d3s "http://127.0.0.1:${APP_PORT[$name]}/health/ready" >/dev/null
    wrk_load "$name" "$work/wrk-$name.txt"
    stop_app
    cat "$work/wrk-$name.txt" >&2
  done

  local -A med mn rps p50 p99 bad
  for name in host bare; do
    med[$name]="$(tr ' ' '\n' <<<"${launches[$name]}" | grep . | median)"
    mn[$name]="$(tr ' ' '\n' <<<"${launches[$name]}" | grep . | minimum)"
    rps[$name]="$(wrk_req_per_sec "$work/wrk-$name.txt")"
    p50[$name]="$(wrk_percentile_ms "$work/wrk-$name.txt" 50)"
    p99[$name]="$(wrk_percentile_ms "$work/wrk-$name.txt" 99)"
    bad[$name]="$(wrk_non2xx "$work/wrk-$name.txt")"
  done

  cat <<EOT
## Startup and /health/ready

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores. Cold start: launch of the Release build (\`dotnet App.dll\`,
ASPNETCORE_ENVIRONMENT=Production) until the first 200 from \`/health/ready\`, polled every 20 ms; $runs launches per app
after one uncounted warm-up, interleaved. Load: \`wrk -t$wrk_threads -c$wrk_connections -d$wrk_duration --latency\` on
\`/health/ready\` over loopback after a 3 s warm-up; every request runs \`select 1\` on PostgreSQL in both apps.
Ratio is host ÷ bare.

| metric | ${APP_TITLE[host]} | ${APP_TITLE[bare]} | ratio |
| --- | ---: | ---: | ---: |
| cold start, median (ms) | ${med[host]} | ${med[bare]} | $(ratio "${med[host]}" "${med[bare]}") |
| cold start, min (ms) | ${mn[host]} | ${mn[bare]} | $(ratio "${mn[host]}" "${mn[bare]}") |
| /health/ready throughput (req/s) | ${rps[host]} | ${rps[bare]} | $(ratio "${rps[host]}" "${rps[bare]}") |
| /health/ready latency p50 (ms) | ${p50[host]} | ${p50[bare]} | $(ratio "${p50[host]}" "${p50[bare]}") |
| /health/ready latency p99 (ms) | ${p99[host]} | ${p99[bare]} | $(ratio "${p99[host]}" "${p99[bare]}") |
| non-2xx responses and socket errors under load | ${bad[host]} | ${bad[bare]} | |

Cold-start runs (ms): host ${launches[host]% }; bare ${launches[bare]% }.
EOT
}

# submissions: sustained PUT /api/enrollment/me/application (the host) beside PUT /applications/{n} (bare).
# Set-up, not measured: a fresh database, a synthetic cycle whose registration is open now (the shipped 2024 cycle
# as year 2031, calendar shifted) loaded through Enrollment:CycleDirectory, and BENCH_APPLICANTS applicants per app
# who each hold a submitted application (B01/GP). Measured: BENCH_ROUNDS wrk runs per app, host and bare
# alternating, every request an edit to another base (benchmarks/submissions.lua), after one uncounted warm-up each.
bench_submissions() {
  local year=2031 database="${db}_submissions" name round i
  local lua="$root/benchmarks/submissions.lua"
  [[ "$applicants" =~ ^[1-9][0-9]*$ ]] || die "BENCH_APPLICANTS must be a positive integer"
  [[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive integer"
  # Base pairs per run: the applicant stands on B01 after set-up and on the previous run's pair afterwards, so with
  # pairs never used before, every request sent changes the choice (later rounds reuse pairs; the event count shows it).
  local pairs=("B02 B03" "B05 B06" "B08 B09" "B10 B11")
  ((rounds < ${#pairs[@]})) || log "submissions: more than $((${#pairs[@]} - 1)) rounds reuse base pairs; check the events per response"

  log "submissions: fresh database $database"
  sql postgres -c "drop database if exists $database with (force)" -c "create database $database" >/dev/null
  local -x ConnectionStrings__Postgres; ConnectionStrings__Postgres="$("$root/build/pg.sh" url "$database")"
  dotnet "$PREPARE_DLL" cycle "$root/src/Modules/Enrollment/Recruitment.Enrollment/ReferenceData" "$work/cycles" "$year" >&2
  local -x Enrollment__CycleDirectory="$work/cycles"
  # Set-up signs every applicant in from one address; the limit guards only the sign-in and registration routes.
  local -x RateLimiting__AuthenticationPermitsPerMinute=1000000

  # Both apps run side by side for the whole benchmark, each idle while the other is measured.
  local -A pid url
  for name in host bare; do
    start_app "$name"
    wait_ready "$name" "${EPOCHREALTIME/./}"
    pid[$name]="$app_pid"
    url[$name]="http://127.0.0.1:${APP_PORT[$name]}"
    [ "$name" = host ] && { parked_pid="$app_pid"; app_pid=""; }
  done
  # Reference data loads once the host has started, which may be just after it first answers /health/ready.
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null "${url[host]}/api/enrollment/cycles/$year" 2>/dev/null; do
    ((SECONDS < deadline)) || { cat "$work/host.log" >&2; die "the host did not load the synthetic cycle $year from Enrollment:CycleDirectory"; }
    sleep 0.2
  done

  local started=$SECONDS
  log "submissions: preparing $applicants applicants on the host (register, sign in, profile, photo, first application)"
  dotnet "$PREPARE_DLL" host "${url[host]}" "$applicants" "$year" "$work/tokens.txt" >&2 || die "set-up on the host failed"
  local setup_host=$((SECONDS - started)); started=$SECONDS
  log "submissions: preparing $applicants applicants on the bare app"
  dotnet "$PREPARE_DLL" bare "${url[bare]}" "$applicants" "$year" >&2 || die "set-up on the bare app failed"
  local setup_bare=$((SECONDS - started))
  local -A source=([host]="$work/tokens.txt" [bare]="$applicants")
  local -A events_sql=([host]="select count(*) from enrollment.mt_events" [bare]="select count(*) from bare.events")

  # run NAME PAIR DURATION OUT: one wrk run of the submissions script.
  run() {
    # shellcheck disable=SC2086 # $2 is the pair of bases, two arguments
    wrk -t"$wrk_threads" -c"$wrk_connections" -d"$3" --latency -s "$lua" "${url[$1]}" \
      -- "$1" "${source[$1]}" "$wrk_threads" "$year" $2 >"$4"
  }
  for name in host bare; do
    log "submissions: warm-up of $name (5 s, uncounted)"
    run "$name" "${pairs[0]}" 5s /dev/null
  done

  local -A rps p50 p99 bad requests events app_ms pg_ms
  local order pair before after cpu_app out load_before load_after
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  for ((round = 1; round <= rounds; round++)); do
    pair="${pairs[$(((round - 1) % (${#pairs[@]} - 1) + 1))]}"
    order="host bare"; ((round % 2)) || order="bare host"
    for name in $order; do
      out="$work/wrk-submissions-$name-$round.txt"
      log "submissions: round $round/$rounds, $name (wrk -t$wrk_threads -c$wrk_connections -d$wrk_duration, bases $pair)"
      before="$(sql "$database" -c "${events_sql[$name]}")"
      cpu_app="$(cpu_ticks "${pid[$name]}")"
      postgres_ticks "$work/pg-ticks"
      run "$name" "$pair" "$wrk_duration" "$out"
      app_ms[$name]+="$(ms_per "$cpu_app" "$(cpu_ticks "${pid[$name]}")" "$(wrk_requests "$out")") "
      pg_ms[$name]+="$(ms_per 0 "$(postgres_ticks_since "$work/pg-ticks")" "$(wrk_requests "$out")") "
      after="$(sql "$database" -c "${events_sql[$name]}")"
      cat "$out" >&2
      rps[$name]+="$(wrk_req_per_sec "$out") "
      p50[$name]+="$(wrk_percentile_ms "$out" 50) "
      p99[$name]+="$(wrk_percentile_ms "$out" 99) "
      bad[$name]=$((${bad[$name]:-0} + $(wrk_non2xx "$out")))
      requests[$name]=$((${requests[$name]:-0} + $(wrk_requests "$out")))
      events[$name]=$((${events[$name]:-0} + after - before))
    done
  done
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
  stop_app
  stop_pid "$parked_pid"; parked_pid=""

  local -A med
  mid() { tr ' ' '\n' <<<"$1" | grep . | median_decimal; }
  for name in host bare; do
    med[rps_$name]="$(mid "${rps[$name]}")"
    med[p50_$name]="$(mid "${p50[$name]}")"
    med[p99_$name]="$(mid "${p99[$name]}")"
    med[app_$name]="$(mid "${app_ms[$name]}")"
    med[pg_$name]="$(mid "${pg_ms[$name]}")"
    med[ok_$name]=$((requests[$name] - bad[$name]))
  done
  local per_round=() r host_rounds bare_rounds
  read -ra host_rounds <<<"${rps[host]}"; read -ra bare_rounds <<<"${rps[bare]}"
  for ((r = 0; r < rounds; r++)); do per_round+=("$(ratio "${host_rounds[$r]}" "${bare_rounds[$r]}")"); done

  local settings
  settings="$(sql postgres -c "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
    where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers')")"
  cat <<EOT
## Application submissions

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, both apps Release and Production on one fresh database
(PostgreSQL $settings).
Load: \`wrk -t$wrk_threads -c$wrk_connections -d$wrk_duration --latency -s benchmarks/submissions.lua\` over loopback,
$rounds rounds per app, host and bare alternating (both apps run side by side, each idle while the other is measured),
after one uncounted 5 s warm-up each; medians over the rounds. Ratio is host ÷ bare.

What was measured: $applicants applicants per app, each already holding a submitted application, are dealt out to the
wrk threads and rotated; every request moves the applicant's application to another base (GP at two bases that
alternate, a pair not used before in the run), so **every measured request is an edit that appends an event** and
rewrites the snapshot: no unchanged resubmission (a no-op) and no first submission is in the mix. The first
submissions (which start the streams) happen in the set-up, through the same endpoints, and are not measured.

| metric | ${APP_TITLE[host]} | ${APP_TITLE[bare]} | ratio |
| --- | ---: | ---: | ---: |
| submissions throughput (req/s) | ${med[rps_host]} | ${med[rps_bare]} | $(ratio "${med[rps_host]}" "${med[rps_bare]}") |
| latency p50 (ms) | ${med[p50_host]} | ${med[p50_bare]} | $(ratio "${med[p50_host]}" "${med[p50_bare]}") |
| latency p99 (ms) | ${med[p99_host]} | ${med[p99_bare]} | $(ratio "${med[p99_host]}" "${med[p99_bare]}") |
| CPU per request, the app's process (ms) | ${med[app_host]} | ${med[app_bare]} | $(ratio "${med[app_host]}" "${med[app_bare]}") |
| CPU per request, PostgreSQL (ms) | ${med[pg_host]} | ${med[pg_bare]} | $(ratio "${med[pg_host]}" "${med[pg_bare]}") |
| non-2xx responses and socket errors, all rounds | ${bad[host]} | ${bad[bare]} | |
| events appended / 2xx responses, all rounds | ${events[host]} / ${med[ok_host]} | ${events[bare]} / ${med[ok_bare]} | |

Rounds (req/s): host ${rps[host]% }; bare ${rps[bare]% }; ratio per round ${per_round[*]}.
Load average (1, 5, 15 min) of the machine before the rounds: $load_before; after: $load_after (2 cores; above 2, other work competed).
Set-up (not measured): ${setup_host} s for the host's $applicants applicants (two password hashes each), ${setup_bare} s for the bare app's.
Events can slightly exceed responses: requests in flight when wrk stops still commit. CPU is read from \`/proc\` for
the app's process and the cluster's processes over each run; wrk (and anything else on the machine) is not in it.

Per request, **the host** (\`PUT /api/enrollment/me/application\`, applicant JWT): Kestrel, request logging, JWT
validation and the applicant policy, JSON binding, \`IMessageBus.InvokeAsync\` to the Wolverine handler with its Marten
session, then in PostgreSQL: one batched read (the cycle, the applicant with the profile, whether the photo exists, the
applicant's applications), the window, choice and eligibility rules in memory, \`FetchForWriting\` (stream version and
snapshot, for the optimistic concurrency check), then one transaction appending \`ApplicationEdited\`
(\`mt_quick_append_events\`: event row and stream version) and upserting the \`Application\` snapshot (jsonb, the
unique year + ID number index and two more). No message is published, so nothing is written to the outbox. That is
four round trips on three pooled connections. **The bare app** (\`PUT /applications/{n}\`, no authentication, no rules):
on one pooled connection, one transaction that reads applicant \`n\` (profile jsonb), then one statement that upserts
the snapshot (jsonb, unique year + ID number, two more indexes, version + 1) and inserts the event row; three round trips.
EOT
}

# scores: a score import of BENCH_SCORE_ROWS rows (default 100,000) end to end beside a raw COPY of the same CSV file
# in the same run (issue 4, item 6). Set-up, not measured: a fresh database, the host with a center admin account
# from Identity:Accounts, an API key, deadline extensions for B01..B12 of the 2024 cycle (whose deadline is past on the
# real clock), and Recruitment.Benchmarks.Prepare seeding the candidates in bulk through the modules' own mappings: each
# on the Examination roster and with a confirmed application in Enrollment, spread over B01..B12. Measured, by the same
# tool with one clock (scores-measure): COPY, the import (POST to COMPLETED), COPY, the finalisation of the twelve
# bases (first POST until Enrollment recorded every published CandidateScored), COPY; after one uncounted warm-up of
# each path (a COPY of each kind, an import of as many rows for assistant-GP candidates, and the finalisation of 2,000
# of them at B07).
bench_scores() {
  local database="${db}_scores" rows="${BENCH_SCORE_ROWS:-100000}" b
  [[ "$rows" =~ ^[1-9][0-9]*$ ]] || die "BENCH_SCORE_ROWS must be a positive integer"
  # The warm-up imports as many rows (assistant-GP candidates, roster only): a first import of that size costs the host
  # about twice the CPU of the next ones (heap growth, JIT of the chunk loop), which a running server has long paid.
  local warm_up="$rows"
  log "scores: fresh database $database"
  sql postgres -c "drop database if exists $database with (force)" -c "create database $database" >/dev/null
  local -x ConnectionStrings__Postgres; ConnectionStrings__Postgres="$("$root/build/pg.sh" url "$database")"
  # A throwaway center admin: signs in, creates the job's API key, grants the extensions and finalises the bases.
  local password; password="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1"
  local -x Identity__Accounts__0__Login=bench-center Identity__Accounts__0__Password="$password" Identity__Accounts__0__Role=center-admin
  start_app host
  wait_ready host "${EPOCHREALTIME/./}"
  local url="http://127.0.0.1:${APP_PORT[host]}" token key
  token="$(curl -fsS "$url/api/auth/token" -H 'content-type: application/json' \
    -d "{\"login\":\"bench-center\",\"password\":\"$password\"}" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')"
  [ -n "$token" ] || die "scores: the center admin could not sign in"
  key="$(curl -fsS "$url/api/auth/api-keys" -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"name":"bench score import"}' | sed 's/.*"key":"\([^"]*\)".*/\1/')"
  [ -n "$key" ] || die "scores: no API key"
  # The 2024 cycle reaches Examination by a message just after start-up; the first extension waits for it.
  local deadline=$((SECONDS + 60))
  for b in B01 B02 B03 B04 B05 B06 B07 B08 B09 B10 B11 B12; do
    until curl -fsS -o /dev/null "$url/api/examination/extensions" -H "authorization: Bearer $token" -H 'content-type: application/json' \
      -d "{\"year\":2024,\"baseCode\":\"$b\",\"until\":\"2099-12-31T23:59:59+08:00\",\"reason\":\"benchmark\"}" 2>/dev/null; do
      ((SECONDS < deadline)) || { cat "$work/host.log" >&2; die "scores: the extension for $b was refused for 60 s"; }
      sleep 0.5
    done
  done
  until [ "$(sql "$database" -c "select count(*) from examination.mt_doc_examsettings where id = 2024")" = 1 ]; do
    ((SECONDS < deadline)) || die "scores: the 2024 exam settings were not loaded"
    sleep 0.5
  done

  local started=$SECONDS
  log "scores: seeding $rows candidates (roster entries and confirmed applications) and $warm_up warm-up candidates (roster entries)"
  dotnet "$PREPARE_DLL" scores-seed "$ConnectionStrings__Postgres" "$rows" "$warm_up" "$work/scores.csv" "$work/scores-warm-up.csv" >&2 \
    || die "scores: set-up failed"
  local setup=$((SECONDS - started))
  sql "$database" -c "vacuum analyze" >/dev/null

  local postmaster; postmaster="$(head -1 "${PG_DATA_DIR:-$root/.data/pg}/postmaster.pid")"
  log "scores: measuring (COPY, import, COPY, finalisation, COPY)"
  dotnet "$PREPARE_DLL" scores-measure "$url" "$key" "$token" "$ConnectionStrings__Postgres" "$work/scores.csv" "$work/scores-warm-up.csv" \
    "$app_pid" "$postmaster" "$work/scores.txt" >&2 || { tail -50 "$work/host.log" >&2; die "scores: the measured run failed"; }
  stop_app

  local -A r
  local k v
  while read -r k v; do r[$k]="$v"; done <"$work/scores.txt"
  # calc EXPRESSION: awk arithmetic on the results, printed with the given format.
  calc() { awk "BEGIN { printf \"$1\", $2 }"; }
  local copy_s copy_cpu end_to_end
  copy_s="$(printf '%s\n' "${r[copy_seconds_1]}" "${r[copy_seconds_2]}" "${r[copy_seconds_3]}" | median_decimal3)"
  copy_cpu="$(printf '%s\n' "${r[copy_pg_cpu_seconds_1]}" "${r[copy_pg_cpu_seconds_2]}" "${r[copy_pg_cpu_seconds_3]}" | median_decimal3)"
  local documents_s documents_cpu
  documents_s="$(printf '%s\n' "${r[copy_documents_seconds_1]}" "${r[copy_documents_seconds_2]}" "${r[copy_documents_seconds_3]}" | median_decimal3)"
  documents_cpu="$(printf '%s\n' "${r[copy_documents_pg_cpu_seconds_1]}" "${r[copy_documents_pg_cpu_seconds_2]}" "${r[copy_documents_pg_cpu_seconds_3]}" | median_decimal3)"
  end_to_end="$(calc %.3f "${r[import_completed_seconds]} + ${r[finalize_handled_seconds]}")"
  local n="${r[rows]}"
  rate() { calc %.0f "$n / $1"; }
  share() { calc %.3f "($n / $1) / ($n / $copy_s)"; }
  local settings
  settings="$(sql postgres -c "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
    where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers')")"
  cat <<EOT
## Score import ($n rows) beside COPY

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores: the host Release and Production on a fresh database
(PostgreSQL $settings),
driven over loopback by \`Recruitment.Benchmarks.Prepare scores-measure\`, which reads every interval from one clock and
the CPU of the host's process and of the cluster's processes from \`/proc\`. One uncounted warm-up of each path first:
a COPY of each kind, an import of as many rows for other candidates (assistant GP, roster only) and the finalisation of
2,000 of them. Set-up (not measured, ${setup} s): $n candidates spread over B01..B12,
each on the Examination roster and with a confirmed application in Enrollment, seeded in bulk through the modules' own
Marten mappings; the center extended the twelve bases' 2024 import deadline (past on the real clock), so every
accepted row is flagged late.

The same CSV file of ${r[csv_bytes]} bytes (one row per candidate: cycle, track, base, ID number, specialty, theory,
skill and interview scores, result, absent components, exam date, source; 2 % absent) goes to both:

- **COPY**: \`COPY ... FROM STDIN (FORMAT csv, HEADER)\` into a plain table of the typed columns (no key, no index),
  over one Npgsql connection; three runs (before the import, between import and finalisation, after), median. For
  comparison only, each time also a COPY of the same rows as one jsonb document each under a uuid primary key (the
  shape of a Marten document table; the JSON text is built before the clock starts).
- **Import**: \`POST /api/examination/score-imports\` (text/csv, job API key) until the batch is COMPLETED (polled in
  the database every 20 ms; the job's \`GET\` is called once afterwards for the counts). The POST parses the CSV, runs
  the row checks, stores the batch with its rows in chunks and queues the processing in one transaction (202); the
  sequential queue then matches each chunk against the rosters and stores the scores, the row results and the
  progress, one transaction per chunk.
- **Finalisation** ("messages to Enrollment"): \`POST /api/examination/bases/{base}/finalize\` for B01..B12 in turn,
  each publishing one \`CandidateScored\` per scored candidate through the outbox in its transaction, until Enrollment
  has recorded every one (an \`ExamResultRecorded\` event on each application's stream and its snapshot).

| step | seconds | rows/s | rate ÷ COPY rate | host CPU (s) | PostgreSQL CPU (s) |
| --- | ---: | ---: | ---: | ---: | ---: |
| COPY into a plain table (median of 3) | $copy_s | $(rate "$copy_s") | 1.000 | | $copy_cpu |
| COPY as jsonb documents under a uuid key (median of 3, comparison only) | $documents_s | $(rate "$documents_s") | $(share "$documents_s") | | $documents_cpu |
| import: POST until 202 | ${r[import_accepted_seconds]} | | | | |
| import: POST until COMPLETED | **${r[import_completed_seconds]}** | $(rate "${r[import_completed_seconds]}") | **$(share "${r[import_completed_seconds]}")** | ${r[import_host_cpu_seconds]} | ${r[import_pg_cpu_seconds]} |
| finalisation: first POST until every CandidateScored is recorded | **${r[finalize_handled_seconds]}** | $(rate "${r[finalize_handled_seconds]}") | $(share "${r[finalize_handled_seconds]}") | ${r[finalize_host_cpu_seconds]} | ${r[finalize_pg_cpu_seconds]} |
| end to end: import + finalisation | **$end_to_end** | $(rate "$end_to_end") | **$(share "$end_to_end")** | | |

Targets (issue 4): under 5 s on this machine and at least 0.200 of the COPY rate.
Import: ${r[import_totalRows]} rows, ${r[import_processedRows]} processed, ${r[import_accepted]} accepted,
${r[import_unchanged]} unchanged, ${r[import_rejected]} rejected, ${r[import_late]} late.
Finalisation: the twelve POSTs answered after ${r[finalize_responses_seconds]} s (slowest ${r[finalize_slowest_response_seconds]} s);
${r[finalize_published]} messages published, ${r[recorded_events]} events recorded, ${r[examined_applications]} applications
EXAMINED or ABSENT, ${r[dead_letters]} dead letters.
COPY runs (s): ${r[copy_seconds_1]} ${r[copy_seconds_2]} ${r[copy_seconds_3]} (rows copied: ${r[copy_rows_1]}); as documents:
${r[copy_documents_seconds_1]} ${r[copy_documents_seconds_2]} ${r[copy_documents_seconds_3]}.
Load average (1, 5, 15 min): ${r[load_before]} before the import, ${r[load_after_import]} after it,
${r[load_after_finalize]} after the finalisation (2 cores; above 2, other work competed for them).
EOT
}

# allocation: the round allocation (DeferredAcceptance.Allocate + BlockingPairs, ENR-53..ENR-56) as pure functions on
# synthetic markets of 10,000 and 100,000 applicants over 12 bases x 30 specialties; BENCH_ALLOCATION_RUNS timed runs per
# size (default 15) after warm-up, medians. The console app prints the section; it exits 1 when the result is not stable
# or differs from serial dictatorship, which is logged (the section says so too) but does not stop the other benchmarks.
bench_allocation() {
  [[ "${BENCH_ALLOCATION_RUNS:-15}" =~ ^[1-9][0-9]*$ ]] || die "BENCH_ALLOCATION_RUNS must be a positive integer"
  dotnet "$ALLOCATION_DLL" 10000 100000 --runs "${BENCH_ALLOCATION_RUNS:-15}" \
    || log "allocation: the result failed its verification (blocking pairs, or not serial dictatorship); see the section"
}

# inputpolicy: what the host's input policy adds to one submission request, timed in process beside the same work
# without it (the whole-host submissions benchmark cannot resolve a few microseconds in its round-to-round spread).
bench_inputpolicy() {
  dotnet "$INPUT_POLICY_DLL" --rounds "${BENCH_INPUT_POLICY_ROUNDS:-7}"
}

# web: the applicant portal's first visit in headless Chromium (benchmarks/Recruitment.Benchmarks.Web): the host
# published as it ships (the web client trimmed and precompressed), bytes on the wire and time until the sign-in form is
# usable, cold and warm cache, on loopback and throttled to 9 Mbit/s with an 85 ms round trip.
bench_web() {
  if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "installing the Debian packages 'chromium' and 'fonts-noto-cjk'"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >&2
    else
      die "chromium is missing: install it, e.g. 'sudo apt-get install chromium fonts-noto-cjk'"
    fi
  fi
  [[ "${BENCH_WEB_RUNS:-3}" =~ ^[1-9][0-9]*$ ]] || die "BENCH_WEB_RUNS must be a positive integer"
  log "web: publishing the host with its web client (Release, trimmed)"
  dotnet publish "$root/src/Host/Recruitment.Host" -c Release -o "$work/web-host" -nologo -v quiet >&2 || die "publish of the host failed"
  dotnet build "$root/benchmarks/Recruitment.Benchmarks.Web" -c Release -nologo -v quiet >&2 || die "build of the web benchmark failed"
  APP_DLL[web]="$work/web-host/Recruitment.Host.dll"
  start_app web
  wait_ready web "${EPOCHREALTIME/./}"
  dotnet "$root/benchmarks/Recruitment.Benchmarks.Web/bin/Release/net10.0/Recruitment.Benchmarks.Web.dll" \
    "http://127.0.0.1:${APP_PORT[web]}" --runs "${BENCH_WEB_RUNS:-3}"
  stop_app
  local framework="$work/web-host/wwwroot/_framework"
  echo
  echo "Published client files (Brotli, what an HTTPS visit would transfer; Chromium sends \\`Accept-Encoding: br\\` only over HTTPS):"
  echo
  echo '```'
  (cd "$framework" && ls -S -- *.br 2>/dev/null | head -8 | xargs -r stat -c '%s %n')
  echo "total of _framework/*.br: $(cat "$framework"/*.br 2>/dev/null | wc -c) bytes"
  echo '```'
}

# ---------------------------------------------------------------- docs/benchmarks.md

write_intro() {
  [ -f "$doc" ] && return 0
  mkdir -p "$(dirname "$doc")"
  cat >"$doc" <<'EOT'
# Benchmarks

Numbers measured by `build/bench.sh`, which builds Release, starts the private PostgreSQL cluster
(`build/pg.sh`, database `recruitment_bench`) and measures the Recruitment host beside a bare
ASP.NET Core app (`benchmarks/Recruitment.Benchmarks.Bare`) in the same run. Rerun everything with
`build/bench.sh`, or one section with `build/bench.sh --only NAME` (`--list` names them); each
section below is replaced in place. See `benchmarks/README.md`. These are measurements, not
thresholds: nothing in the test suite depends on them.

<!-- bench:machine:begin -->
<!-- bench:machine:end -->
EOT
}

# machine_section: facts about the machine of the latest run.
machine_section() {
  cat <<EOT
Last run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, .NET SDK $(dotnet --version), $(psql --version | head -1).
Memory (\`free -h\`):

\`\`\`
$(free -h)
\`\`\`

Other work may have been running on the machine; compare the two apps within one run rather than runs with each other.
EOT
}

# write_section NAME FILE: replaces the marked section NAME in the doc with FILE, or appends it.
write_section() {
  local name="$1" body="$2" begin="<!-- bench:$1:begin -->" end="<!-- bench:$1:end -->" tmp="$work/doc.md"
  if grep -qF "$begin" "$doc"; then
    awk -v begin="$begin" -v end="$end" -v body="$body" '
      $0 == begin { print; while ((getline line < body) > 0) print line; skip = 1; next }
      $0 == end { skip = 0 }
      !skip { print }' "$doc" >"$tmp"
  else
    { cat "$doc"; printf '\n%s\n' "$begin"; cat "$body"; echo "$end"; } >"$tmp"
  fi
  cat "$tmp" >"$doc"
}

# ---------------------------------------------------------------- main

selected=()
while (($#)); do
  case "$1" in
    --only) [ -n "${2:-}" ] || die "--only needs a benchmark name"; IFS=, read -ra names <<<"$2"; selected+=("${names[@]}"); shift 2 ;;
    --only=*) IFS=, read -ra names <<<"${1#--only=}"; selected+=("${names[@]}"); shift ;;
    --list) printf '%s\n' "${BENCHMARKS[@]}"; exit 0 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
((${#selected[@]})) || selected=("${BENCHMARKS[@]}")
for name in "${selected[@]}"; do
  [[ " ${BENCHMARKS[*]} " == *" $name "* ]] || die "unknown benchmark '$name' (known: ${BENCHMARKS[*]})"
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer"

ensure_tools
build
start_database
export ASPNETCORE_ENVIRONMENT=Production
# The host refuses to start without a signing key; a throwaway one per run, never stored.
export Auth__SigningKey; Auth__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)"

write_intro
for name in "${selected[@]}"; do
  log "running benchmark '$name'"
  "bench_$name" >"$work/section-$name.md"
  write_section "$name" "$work/section-$name.md"
done
machine_section >"$work/machine.md"
write_section machine "$work/machine.md"
log "results written to ${doc#"$root"/}"
