#!/usr/bin/env bash
# Printable documents are set in a CJK font (Noto Sans CJK SC, Debian's fonts-noto-cjk, SIL Open Font
# Licence). Installs it when missing and we run as root with apt-get; otherwise fails with one line,
# so nobody ships a PDF whose Chinese text is empty boxes. RECRUITMENT_CJK_FONT names another font file.
set -euo pipefail
font="${RECRUITMENT_CJK_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
[ -f "$font" ] && exit 0
if [ -z "${RECRUITMENT_CJK_FONT:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  for attempt in 1 2 3 4 5; do   # the dpkg lock may be busy for a while on a shared machine
    if { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk; } >&2; then break; fi
    sleep $((attempt * 5))
  done
fi
[ -f "$font" ] || { echo "fonts.sh: the CJK font for printable documents is missing ($font): install the Debian package fonts-noto-cjk or set RECRUITMENT_CJK_FONT." >&2; exit 1; }
