#!/usr/bin/env bash
# The pass rates of the field's validation suites as Markdown tables, overall and per category,
# for the README. Needs ../shared (the suites and their dictionaries).
#
#   bench/validation.sh [SKIP_FILE]     (default: validation/skip.txt when it exists)
set -euo pipefail
cd "$(dirname "$0")/.."
ref=../shared/reference
if [ ! -d "$ref" ]; then
  echo "bench/validation.sh: $ref is absent; nothing to measure" >&2
  exit 0
fi
scripts/build.sh --target dateline >/dev/null
skip=${1:-}
if [ -z "$skip" ] && [ -f validation/skip.txt ]; then skip=validation/skip.txt; fi
skip_args=()
if [ -n "$skip" ]; then skip_args=(--skip "$skip"); fi

echo "Measured $(date -u +%Y-%m-%d) with \`dateline validate\`${skip:+ and the skip file \`$skip\`}."
echo
for suite in tabari/Validate.text petrarch2-validate/PETR_Validate_records_2_02.xml \
             petrarch1/PETR.UnitTest.records.xml; do
  out=$(build/dateline validate "${skip_args[@]}" "$ref/$suite" 2>/dev/null)
  echo "**$(basename "$suite")** — $(printf '%s\n' "$out" | tail -1)"
  echo
  # The per-category table the report ends with: "category records pass rate" rows.
  printf '%s\n' "$out" | awk '
    /^category +records +pass +rate/ { on = 1; print "| category | records | pass | rate |"; print "|---|---|---|---|"; next }
    on && NF == 4 { printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4; next }
    on { on = 0 }'
  echo
done
