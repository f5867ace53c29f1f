#!/usr/bin/env bash
# Starts the private PostgreSQL cluster if needed and runs the host (Development, reference data loaded).
# Extra arguments go to the host, e.g.: build/run.sh --urls http://127.0.0.1:5080
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/build/fonts.sh"
"$root/build/pg.sh" start
export ConnectionStrings__Postgres="${ConnectionStrings__Postgres:-$("$root/build/pg.sh" url recruitment)}"
# A per-checkout development signing key, generated once and kept out of git (.data/ is ignored).
key_file="$root/.data/dev-signing-key"
[ -s "$key_file" ] || { mkdir -p "$root/.data"; head -c 48 /dev/urandom | base64 -w0 > "$key_file"; }
export Auth__SigningKey="${Auth__SigningKey:-$(cat "$key_file")}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
urls="http://127.0.0.1:5080"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[$i]}" = "--urls" ] && urls="${args[$((i + 1))]:-$urls}"; done
[[ " ${args[*]-} " == *" --urls "* ]] || args+=(--urls "$urls")
cat <<EOT
Recruitment host on $urls  (OpenAPI: $urls/openapi/v1.json, reference: $urls/scalar)
Demo accounts (Development only; password after the colon):
  operator:Operator-2024   center:Center-2024   phc:Phc-2024-admin
  b01-admin:Base-2024-b01  b07-admin:Base-2024-b07  fellowship:Fellow-2024-admin
EOT
exec dotnet run --project "$root/src/Host/Recruitment.Host" -c "${CONFIGURATION:-Debug}" -- "${args[@]}"
