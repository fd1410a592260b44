#!/usr/bin/env bash
# Renders the workshop sample's tier graph and HTML report and screenshots them in headless Chromium.
#   scripts/screenshots/render.sh [OUT_DIR]     (default docs/screenshots)
# Needs graphviz and chromium (scripts/setup installs them). NETAUDIT=path/to/netaudit skips the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-docs/screenshots}"
mkdir -p "$out"
if [ -z "${NETAUDIT:-}" ]; then
  swift build --scratch-path "${SCRATCH:-.build-graph}" --product netaudit >&2
  NETAUDIT="${SCRATCH:-.build-graph}/debug/netaudit"
fi
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$chrome" ] || { echo "render.sh: chromium is not installed (scripts/setup, or apt-get install chromium)" >&2; exit 2; }
command -v dot >/dev/null || { echo "render.sh: Graphviz 'dot' is not installed (apt-get install graphviz)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$NETAUDIT" import snapshots/workshop --out "$work/workshop.db" >/dev/null
"$NETAUDIT" graph "$work/workshop.db" --policy policies/workshop.yaml --format svg --output "$work/graph.svg"
"$NETAUDIT" graph "$work/workshop.db" --policy policies/workshop.yaml --format png --output "$out/workshop-graph.png"
"$NETAUDIT" graph "$work/workshop.db" --policy policies/workshop.yaml --format mermaid --output "$out/workshop-graph.mmd"
# The scan exits 1 because the workshop has findings at or above high; the report is written all the same.
"$NETAUDIT" scan --snapshot "$work/workshop.db" --policy policies/workshop.yaml --format html --output "$work/report.html" || [ $? -eq 1 ]

shot() { # shot URL FILE WIDTH HEIGHT
  "$chrome" --headless --disable-gpu --no-sandbox --hide-scrollbars --virtual-time-budget=3000 \
    --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
  echo "render.sh: wrote $2 ($(du -k "$2" | cut -f1) KB)" >&2
}
shot "file://$work/graph.svg" "$out/workshop-graph-browser.png" 1400 1000
shot "file://$work/report.html" "$out/workshop-report.png" 1400 1000
# Headless screenshots always start at the top: hide the sections above the one to show.
sed 's|</style>|#graph{display:none}</style>|' "$work/report.html" > "$work/findings.html"
sed 's|</style>|#graph,#findings{display:none}</style>|' "$work/report.html" > "$work/resources.html"
shot "file://$work/findings.html" "$out/workshop-report-findings.png" 1400 1000
shot "file://$work/resources.html" "$out/workshop-report-resources.png" 1400 1000
