#!/usr/bin/env bash
# Starts the private PostgreSQL cluster if needed and runs the host (Development, reference data loaded).
# Extra arguments go to the host, e.g.: build/run.sh --urls http://127.0.0.1:5080
#   build/run.sh --demo   a fresh demo database (recruitment_demo, recreated at every start) and a staged clock
#                         standing at the opening of the 2024 registration window; walk the year by moving the
#                         clock forward (POST /api/admin/clock, docs/api-tour.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
demo=0
args=()
for arg in "$@"; do if [ "$arg" = --demo ]; then demo=1; else args+=("$arg"); fi; done
"$root/build/fonts.sh"
"$root/build/pg.sh" start
if [ "$demo" = 1 ]; then
  "$root/build/pg.sh" recreate recruitment_demo
  export ConnectionStrings__Postgres="$("$root/build/pg.sh" url recruitment_demo)"
  export Clock__AllowTravel=true
  # The opening of registration, read from the shipped 2024 cycle.
  cycle="$root/src/Modules/Enrollment/Recruitment.Enrollment/ReferenceData/recruitment-2024.json"
  export Clock__StartAt="$(sed -n 's/.*"registrationOpen": *"\([^"]*\)".*/\1/p' "$cycle")"
  # Travel is refused in Production; the demo accounts exist in Development only, and sign in with a password alone.
  export ASPNETCORE_ENVIRONMENT=Development Auth__TwoFactor__RequiredRoles__0=none
  echo "Demo: fresh database recruitment_demo, staged clock at $Clock__StartAt (GET/POST /api/admin/clock as operator)"
else
  export ConnectionStrings__Postgres="${ConnectionStrings__Postgres:-$("$root/build/pg.sh" url recruitment)}"
fi
# A per-checkout development signing key, generated once and kept out of git (.data/ is ignored).
key_file="$root/.data/dev-signing-key"
[ -s "$key_file" ] || { mkdir -p "$root/.data"; head -c 48 /dev/urandom | base64 -w0 > "$key_file"; }
export Auth__SigningKey="${Auth__SigningKey:-$(cat "$key_file")}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
urls="http://127.0.0.1:5080"
for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = "--urls" ] && urls="${args[$((i + 1))]:-$urls}"; done
[[ " ${args[*]-} " == *" --urls "* ]] || args+=(--urls "$urls")
cat <<EOT
Recruitment host on $urls  (OpenAPI: $urls/openapi/v1.json, reference: $urls/scalar)
Demo accounts (Development only; password after the colon):
  operator:Operator-2024   center:Center-2024   phc:Phc-2024-admin
  b01-admin:Base-2024-b01  b07-admin:Base-2024-b07  fellowship:Fellow-2024-admin
EOT
exec dotnet run --project "$root/src/Host/Recruitment.Host" -c "${CONFIGURATION:-Debug}" -- "${args[@]}"
