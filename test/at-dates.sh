#!/usr/bin/env bash
# Runs the test suite (vitest) with the system clock set to each date given, or to the default
# list below: libfaketime starts the clock of every process (Node, DynamoDB Local's JVM,
# cognito-local) at that instant, and it runs on from there.
#
#   npm run test:dates                                  # every default date
#   npm run test:dates -- '2027-06-01 00:00:05'         # one date of your choice (UTC)
#   npm run test:dates -- month-end                     # the last day of this month, 23:58:30
#
# "month-end" starts 90 s before this month ends, so the run crosses into the next month (and, in
# December, the next year) while it runs.
#
# Left out: the build checks, which read no clock (the synthesized templates and cfn-lint under
# test/infra, the bundles' size and content); `npm test` runs them at today's date.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 1; }
export TZ=UTC

month_end() { echo "$(date -u -d "$(date -u +%Y-%m-01) +1 month -1 day" +%F) 23:58:30"; }

dates=("$@")
if [ ${#dates[@]} -eq 0 ]; then
  dates=(
    '2027-01-01 00:00:05' # the 1st, seconds after a year began
    '2027-03-15 12:00:00' # the 15th
    '2027-02-28 23:58:30' # the last day of a month, crossing into March during the run
    '2027-12-31 23:58:30' # the last day of a year, crossing into the next during the run
    '2028-02-29 12:00:00' # a leap day
    month-end
  )
fi

for d in "${dates[@]}"; do
  [ "$d" = month-end ] && d="$(month_end)"
  echo "== vitest run with the clock starting at $d UTC"
  faketime "$d" npx vitest run --reporter=dot --exclude 'test/infra/**' --exclude 'test/unit/bundles.test.ts' --exclude 'test/unit/tracer-bundles.test.ts'
done
