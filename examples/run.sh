#!/usr/bin/env bash
# Codes the bundled example articles and prints their events as a table on the terminal.
# The plain-text files get their publication dates from dates.tsv; articles.jsonl carries its own.
set -euo pipefail
cd "$(dirname "$0")"
bin=../build/dateline
[ -x "$bin" ] || { echo "examples/run.sh: build dateline first (scripts/build.sh)" >&2; exit 1; }

# Columns of the TSV output to show: sentence, date, source, target, code, source_text, target_text.
show() {
  awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { printf "  %-18s s%-3s %-10s %-8s -> %-8s %-5s %s -> %s\n", $col["doc_id"], $col["sentence"], $col["date"],
        $col["source"], $col["target"], $col["code"], $col["source_text"], $col["target_text"] }'
}

while IFS=$'\t' read -r file date; do
  case "$file" in ''|\#*) continue ;; esac
  echo "== $file (published $date)"
  "$bin" code --format tsv --date "$date" "$file" 2>/dev/null | show
done < dates.tsv
echo "== articles.jsonl"
"$bin" code --format tsv articles.jsonl 2>/dev/null | show
echo "== run summary of all examples"
"$bin" code --date 2025-06-17 articles.jsonl $(grep -v "^#" dates.tsv | cut -f1) 2>&1 >/dev/null | tail -n 1
