#!/usr/bin/env bash
# Installs the Debian 12 packages dateline builds and runs with. Safe to run again.
# Root runs apt-get directly; other users go through sudo.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git python3
  libre2-dev libicu-dev libsimdjson-dev libxxhash-dev libcli11-dev libfmt-dev libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  festlex-poslex wordnet-base iso-codes
  time valgrind
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
