#!/usr/bin/env bash
# Applies the code style of .editorconfig to the whole solution with `dotnet format`
# (whitespace, code style and analyzer fixes at warning severity or above).
# build/format.sh --verify-no-changes checks instead of changing: it fails when a file would change (CI runs it).
# Extra arguments go to dotnet format, e.g. --include src/Modules/Enrollment/ to format one folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v dotnet >/dev/null || { echo "format.sh: the .NET SDK is missing" >&2; exit 1; }
exec dotnet format Recruitment.sln "$@"
