#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL: Testcontainers when a Docker engine
# answers, otherwise the private cluster (started here if needed). Ends with one plain line
# "N passed, M failed". Extra arguments go to dotnet test (e.g. --filter FullyQualifiedName~Auth).
# --fast skips the tests tagged [Trait("Category", "Slow")] (crash, restart, whole-cycle flows); CI runs everything.
set -uo pipefail
filter=()
if [ "${1:-}" = "--fast" ]; then shift; filter=(--filter "Category!=Slow"); fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/build/fonts.sh" || { echo "0 passed, 1 failed"; exit 1; }

if ! docker info >/dev/null 2>&1; then
  # No Docker engine: the tests use the private cluster; skip their Docker probe.
  PG_TEST_TUNING=1 "$root/build/pg.sh" start || exit 1
  export RECRUITMENT_TESTS_SKIP_DOCKER=1
  export RECRUITMENT_TEST_POSTGRES="${RECRUITMENT_TEST_POSTGRES:-$("$root/build/pg.sh" url postgres)}"
fi

# The web client's browser tests drive Debian's Chromium (never a downloaded browser) with CJK fonts.
# (grep reads fc-list to the end: with pipefail, grep -q closing the pipe early would fail the check and reinstall every run)
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing chromium and fonts-noto-cjk for the browser tests" >&2
    for attempt in 1 2 3 4 5; do
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >&2 && break
      sleep 10   # the dpkg lock may be held by another installer
    done
  else
    echo "test.sh: Chromium (/usr/bin/chromium) or fonts-noto-cjk is missing; install them, e.g. 'sudo apt-get install chromium fonts-noto-cjk'." >&2
  fi
fi

results="$root/.data/test-results"
rm -rf "$results"
mkdir -p "$results"
dotnet build Recruitment.sln -c "${CONFIGURATION:-Debug}" -v quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }
dotnet test Recruitment.sln -c "${CONFIGURATION:-Debug}" --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "${filter[@]}" "$@"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A run that failed before any test reported (build or host crash) must not look green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
