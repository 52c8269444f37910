#!/usr/bin/env bash
# Builds the FastPathFuzz libFuzzer target (fast engine == ICU engine) and runs it.
#
#   Tests/Fuzz/run_fuzz.sh [seconds] [extra libFuzzer flags…]
#
# The corpus starts from the adversarial seeds in Tests/Fuzz/seeds and grows in
# .build-fuzz/corpus; crashes (mismatches) are written to .build-fuzz/crash-*; replay one
# with `.build-fuzz/debug/FastPathFuzz .build-fuzz/crash-…`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
shift || true
cd "$root"
QALAM_FUZZ=1 swift build --scratch-path .build-fuzz --product FastPathFuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
mkdir -p .build-fuzz/corpus
exec .build-fuzz/debug/FastPathFuzz .build-fuzz/corpus Tests/Fuzz/seeds \
  -max_total_time="$seconds" -max_len=512 -artifact_prefix=.build-fuzz/ "$@"
