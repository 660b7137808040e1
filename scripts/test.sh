#!/usr/bin/env bash
# Builds everything and runs the whole test suite (unit, golden, validation when ../shared is
# present). Tests that need ../shared skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j "$(nproc)" --timeout 600
