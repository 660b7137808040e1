#!/usr/bin/env bash
# Ingest throughput against `dateline code`: both whole processes timed on the same input, run in
# alternation (code, ingest into a fresh database, code, ...) so that a noisy shared machine
# affects both alike; medians of the pairs' ratios. Never run as a test: timings belong here.
#
#   bench/ingest.sh [PAIRS] [THREADS...]      (default 5 pairs, threads 1 and 2)
#
# Inputs, from ../shared/bench/tabari-bench-pool.jsonl (skipped when ../shared is absent):
#   pool-200k           the benchmark corpus as bench/run.sh cycles it (repeated texts: most
#                       articles are the same text as a stored one and are not stored again)
#   pool-200k-distinct  the same made distinct (each text ends with its id): every article is
#                       new, two sentences on average, the worst case for the store
# and the project's example articles made distinct (each ends with a sentence of its own), a few
# thousand full-length articles.
# Each pair also prints the CPU time the rest of the machine used meanwhile (from /proc/stat):
# pairs during which other work ran are less comparable.
# With DATELINE_BENCH_PG set to a PostgreSQL server's URI without database
# (postgresql://user@host:port), each pair also ingests into PostgreSQL: a database
# dateline_bench, dropped and created for each run with psql (the user must be allowed to).
# The server's own CPU time shows in "others".
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}
shift || true
threads_list=("$@")
[ ${#threads_list[@]} -eq 0 ] && threads_list=(1 2)
scripts/build.sh --target dateline dateline-benchgen >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=build/dateline

python3 - "$work/examples.jsonl" <<'PY'
import json, pathlib, sys
arts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("examples").glob("*.txt"))]
for line in open("examples/articles.jsonl", encoding="utf-8"):
    if line.strip():
        arts.append(json.loads(line)["text"])
with open(sys.argv[1], "w") as out:
    for k in range(1000):
        for i, a in enumerate(arts):
            out.write(json.dumps({"id": f"x{k}-{i}", "date": "2025-06-01",
                                  "text": a + f"\n\nReference number {k}-{i}."}) + "\n")
PY
inputs=("examples-distinct:$work/examples.jsonl")
pool=../shared/bench/tabari-bench-pool.jsonl
if [ -f "$pool" ]; then
  build/bench/dateline-benchgen "$pool" 200000 > "$work/pool.jsonl"
  build/bench/dateline-benchgen "$pool" 200000 --distinct > "$work/distinct.jsonl"
  inputs=("pool-200k:$work/pool.jsonl" "pool-200k-distinct:$work/distinct.jsonl" "${inputs[@]}")
else
  echo "bench: ../shared is absent: only the example articles are measured" >&2
fi

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }  # jiffies the machine spent working
# Runs a command; prints its wall seconds, its CPU seconds and the jiffies others used meanwhile.
timed() {
  local b0 b1 s e
  b0=$(busy); s=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>"$work/err"
  e=$(date +%s.%N); b1=$(busy)
  local cpu; cpu=$(awk '{print $1 + $2}' "$work/cpu")
  echo "$(echo "$e - $s" | bc) $cpu $(( b1 - b0 - ${cpu%.*} * 100 ))"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
for threads in "${threads_list[@]}"; do
  for entry in "${inputs[@]}"; do
    name=${entry%%:*}; file=${entry#*:}
    ratios=(); codes=(); ingests=(); pg_ratios=(); pg_ingests=()
    for ((r = 0; r < pairs; r++)); do
      read -r cw cc co <<<"$(timed "$bin" code --threads "$threads" "$file")"
      rm -f "$work"/t.db*
      read -r iw ic io <<<"$(timed "$bin" ingest --threads "$threads" --progress none --db "$work/t.db" "$file")"
      stored=$(sed -nE 's/.*articles added ([0-9]+),.*/\1/p' "$work/err")
      ratio=$(echo "scale=3; $cw / $iw" | bc)
      ratios+=("$ratio"); codes+=("$cw"); ingests+=("$iw")
      printf '  %-19s threads=%d pair %d: code %6.2f s (cpu %5.2f, others %4d) ingest %6.2f s (cpu %5.2f, others %4d) ratio %s, %s stored\n' \
        "$name" "$threads" "$r" "$cw" "$cc" "$co" "$iw" "$ic" "$io" "$ratio" "$stored"
      if [ -n "${DATELINE_BENCH_PG:-}" ]; then
        psql -q "$DATELINE_BENCH_PG/postgres" -c "DROP DATABASE IF EXISTS dateline_bench" -c "CREATE DATABASE dateline_bench" 2>/dev/null
        read -r pw pc po <<<"$(timed "$bin" ingest --threads "$threads" --progress none --db "$DATELINE_BENCH_PG/dateline_bench" "$file")"
        pg_ratios+=("$(echo "scale=3; $cw / $pw" | bc)"); pg_ingests+=("$pw")
        printf '  %-19s threads=%d pair %d: PostgreSQL ingest %6.2f s (cpu %5.2f, others %4d) ratio %s\n' \
          "$name" "$threads" "$r" "$pw" "$pc" "$po" "${pg_ratios[-1]}"
      fi
    done
    printf '%-19s threads=%d median code %.2f s, ingest %.2f s, ratio of the pairs %s\n' "$name" "$threads" \
      "$(printf '%s\n' "${codes[@]}" | median)" "$(printf '%s\n' "${ingests[@]}" | median)" \
      "$(printf '%s\n' "${ratios[@]}" | median)"
    if [ -n "${DATELINE_BENCH_PG:-}" ]; then
      printf '%-19s threads=%d median PostgreSQL ingest %.2f s, ratio of the pairs %s\n' "$name" "$threads" \
        "$(printf '%s\n' "${pg_ingests[@]}" | median)" "$(printf '%s\n' "${pg_ratios[@]}" | median)"
    fi
  done
done
