#!/usr/bin/env bash
# Installs the peer tokenizers into a virtualenv (default /tmp/qalam-peers-venv):
# CAMeL Tools (tokenizer only: --no-deps plus its light dependencies), PyArabic, NLTK,
# PyICU (built from source against the system libicu-dev). Each install may fail on its
# own; run_peers.py skips any peer it cannot import and says so.
set -u
VENV="${QALAM_PEERS_VENV:-/tmp/qalam-peers-venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
PIP="$VENV/bin/pip"
"$PIP" install --quiet --upgrade pip wheel setuptools || true
"$PIP" install --quiet pyarabic || echo "peers: pyarabic failed to install" >&2
"$PIP" install --quiet nltk || echo "peers: nltk failed to install" >&2
"$PIP" install --quiet --no-deps camel-tools && "$PIP" install --quiet regex emoji six future \
  || echo "peers: camel-tools failed to install" >&2
"$PIP" install --quiet pyicu || echo "peers: PyICU failed to install (needs libicu-dev, pkg-config, a C++ compiler)" >&2
echo "peers installed in $VENV"
