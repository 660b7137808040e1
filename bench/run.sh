#!/usr/bin/env bash
# Whole-process throughput of `dateline code`: sentences per second, dictionary load time and
# peak memory, as medians of repeated runs. Never run as a test: timings belong here.
#
#   bench/run.sh [RUNS]        (default 5 runs per input)
#
# Inputs: the project's example articles (examples/) cycled to about 50,000 sentences, and,
# when ../shared is present, ../shared/bench/tabari-bench-pool.jsonl cycled to 50,000 and
# 200,000 sentences: the input on which TABARI was measured (see ../shared/bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
scripts/build.sh --target dateline dateline-benchgen >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=build/dateline

# The example articles as JSON Lines, one record per article, repeated.
python3 - "$work/examples.jsonl" <<'PY'
import json, pathlib, sys
out = open(sys.argv[1], "w")
arts = []
for p in sorted(pathlib.Path("examples").glob("*.txt")):
    arts.append({"text": p.read_text(encoding="utf-8"), "date": "2025-06-01"})
for line in open("examples/articles.jsonl", encoding="utf-8"):
    if line.strip():
        r = json.loads(line); arts.append({"text": r["text"], "date": r.get("date", "2025-06-01")})
for k in range(400):
    for i, a in enumerate(arts):
        out.write(json.dumps({"id": f"e{k}-{i}", "date": a["date"], "text": a["text"]}) + "\n")
PY

inputs=("examples:$work/examples.jsonl")
pool=../shared/bench/tabari-bench-pool.jsonl
if [ -f "$pool" ]; then
  build/bench/dateline-benchgen "$pool" 50000 > "$work/pool50k.jsonl"
  build/bench/dateline-benchgen "$pool" 200000 > "$work/pool200k.jsonl"
  inputs+=("pool-50k:$work/pool50k.jsonl" "pool-200k:$work/pool200k.jsonl")
else
  echo "bench: ../shared is absent: only the example articles are measured" >&2
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
for threads in 1 2; do
  for entry in "${inputs[@]}"; do
    name=${entry%%:*}; file=${entry#*:}
    rates=(); loads=(); rss=(); sents=0; events=0
    for ((r = 0; r < runs; r++)); do
      /usr/bin/time -f '%M' -o "$work/time" "$bin" code --threads "$threads" "$file" >/dev/null 2>"$work/err"
      line=$(grep '^summary:' "$work/err")
      rates+=("$(sed -E 's/.* s, ([0-9]+) sentences\/s/\1/' <<<"$line")")
      loads+=("$(sed -E 's/dictionaries: loaded in ([0-9.]+) s/\1/' <(grep '^dictionaries:' "$work/err"))")
      rss+=("$(cat "$work/time")")
      sents=$(sed -E 's/.*sentences ([0-9]+),.*/\1/' <<<"$line")
      events=$(sed -E 's/.*events ([0-9]+),.*/\1/' <<<"$line")
      docs=$(sed -E 's/.*documents ([0-9]+),.*/\1/' <<<"$line")
    done
    printf '%-10s threads=%d records=%-7s sentences=%-7s events=%-7s median %8.0f sentences/s  load %.3f s  peak %6.1f MB\n' \
      "$name" "$threads" "$docs" "$sents" "$events" \
      "$(printf '%s\n' "${rates[@]}" | median)" "$(printf '%s\n' "${loads[@]}" | median)" \
      "$(printf '%s\n' "${rss[@]}" | median | awk '{print $1/1024}')"
  done
done
