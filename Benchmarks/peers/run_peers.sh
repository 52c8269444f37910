#!/usr/bin/env bash
# Regenerates the peers table: installs the peers into a virtualenv (install_peers.sh),
# builds qalam in release mode and times everything on the same corpus in one run.
#
#   Benchmarks/peers/run_peers.sh [CORPUS] [--runs N]
#
# CORPUS defaults to ../shared/data/news/saudinewsnet-sample.txt (from the package root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${1:-$root/../shared/data/news/saudinewsnet-sample.txt}"
shift || true
VENV="${QALAM_PEERS_VENV:-/tmp/qalam-peers-venv}"
[ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import pyarabic, nltk" 2>/dev/null || QALAM_PEERS_VENV="$VENV" bash "$here/install_peers.sh"
(cd "$root" && swift build -c release --product qalam >/dev/null)
exec "$VENV/bin/python" "$here/run_peers.py" "$corpus" "$root/.build/release/qalam" "$@"
