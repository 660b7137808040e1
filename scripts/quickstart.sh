#!/usr/bin/env bash
# From a fresh Debian 12 machine to coded events: installs what is missing, builds, and codes
# the bundled example articles (examples/) into events printed on the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh --target dateline
examples/run.sh
