#!/usr/bin/env bash
# Mutation testing (issue #13; README.md, "Mutation testing"): PIT over the domain and application
# layers of the tenancy, marketplace and host contexts, one context at a time, then one line of
# figures per context. Not part of `./caravan test`.
#
#   ./caravan mutation                    all three contexts (finds a JDK 21+ and Maven first)
#   platform/mutation.sh                  all three contexts, with JAVA_HOME set to a JDK 21+
#   platform/mutation.sh host tenancy     only these
#
# Extra Maven options go in MVN_OPTS_PIT (e.g. MVN_OPTS_PIT=-o to stay offline). Reports:
# platform/target/pit-reports/<context>/index.html (and mutations.xml).
set -u -o pipefail

PLATFORM="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$PLATFORM")"
cd "$ROOT" || exit 1

# shellcheck source=require-jdk.sh
. "$PLATFORM/require-jdk.sh"

contexts=("$@")
[ ${#contexts[@]} -gt 0 ] || contexts=(tenancy marketplace host)

count() { grep -o "status='$1'" "$2" | wc -l | tr -d ' '; }

rows=()
status=0
for ctx in "${contexts[@]}"; do
  case "$ctx" in tenancy|marketplace|host) ;; *) echo "mutation.sh: unknown context '$ctx'" >&2; exit 2 ;; esac
  log="$PLATFORM/target/pit-$ctx.log"
  mkdir -p "$PLATFORM/target"
  start=$(date +%s)
  # shellcheck disable=SC2086
  if ! "${MVN:-mvn}" -B ${MVN_OPTS_PIT:-} -pl platform -Pmutation test-compile \
      "org.pitest:pitest-maven:mutationCoverage@$ctx" >"$log" 2>&1; then
    echo "mutation.sh: PIT failed for $ctx, see $log" >&2
    status=1
    continue
  fi
  secs=$(( $(date +%s) - start ))
  xml="$PLATFORM/target/pit-reports/$ctx/mutations.xml"
  total=$(grep -o '<mutation ' "$xml" | wc -l | tr -d ' ')
  detected=$(grep -o "detected='true'" "$xml" | wc -l | tr -d ' ')
  killed=$(count KILLED "$xml"); survived=$(count SURVIVED "$xml")
  nocov=$(count NO_COVERAGE "$xml"); timedout=$(count TIMED_OUT "$xml")
  covered=$(( total - nocov ))
  score=$(awk -v d="$detected" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * d / t : 0 }')
  strength=$(awk -v d="$detected" -v c="$covered" 'BEGIN { printf "%.1f", c ? 100 * d / c : 0 }')
  rows+=("$(printf '%-12s %9s %7s %9s %11s %10s %7s%% %9s%% %6ss' \
    "$ctx" "$total" "$killed" "$survived" "$nocov" "$timedout" "$score" "$strength" "$secs")")
done

printf '%-12s %9s %7s %9s %11s %10s %8s %10s %7s\n' \
  context generated killed survived no-coverage timed-out score strength time
for row in "${rows[@]}"; do echo "$row"; done
exit $status
