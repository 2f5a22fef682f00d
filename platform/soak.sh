#!/usr/bin/env bash
# The checkout soak (issue #12; README, "Checkout soak"): platform/src/test/.../CheckoutSoak, a
# second node taking storefront checkouts paid by card for a number of minutes, then the heap after
# a full GC compared with the start. Not part of ./caravan test; bounded by the minutes asked.
#
#   ./caravan soak            30 minutes, 2 callers
#   ./caravan soak 10 4       10 minutes, 4 callers
#   platform/soak.sh 30       the same with JAVA_HOME set to a JDK 21+
#
# Needs PostgreSQL on 127.0.0.1:5432 (as the test command does). Extra Maven options go in
# MVN_OPTS_SOAK (e.g. -o). The output is platform/target/soak.log; its summary line is printed.
set -u -o pipefail

PLATFORM="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$PLATFORM")"
cd "$ROOT" || exit 1

# shellcheck source=require-jdk.sh
. "$PLATFORM/require-jdk.sh"
minutes="${1:-30}"
threads="${2:-2}"
case "$minutes" in ''|*[!0-9]*) echo "soak.sh: the minutes must be a positive integer, not '$minutes'" >&2; exit 2 ;; esac
case "$threads" in ''|*[!0-9]*) echo "soak.sh: the callers must be a positive integer, not '$threads'" >&2; exit 2 ;; esac
[ "$minutes" -ge 1 ] && [ "$threads" -ge 1 ] || { echo "soak.sh: at least 1 minute and 1 caller" >&2; exit 2; }

mkdir -p "$PLATFORM/target"
log="$PLATFORM/target/soak.log"
echo "soak.sh: building (tests skipped), then a $minutes-minute soak with $threads callers; output in $log" >&2
# shellcheck disable=SC2086
"${MVN:-mvn}" -B -q ${MVN_OPTS_SOAK:-} -DskipTests install -pl '!platform' >"$log" 2>&1 \
  || { echo "soak.sh: the build failed, see $log" >&2; exit 1; }
# shellcheck disable=SC2086
"${MVN:-mvn}" -B ${MVN_OPTS_SOAK:-} -f "$PLATFORM/pom.xml" \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CheckoutSoak \
  -Dcaravan.soak.minutes="$minutes" -Dcaravan.soak.threads="$threads" \
  pre-integration-test failsafe:integration-test@it-postgresql >>"$log" 2>&1
summary="$PLATFORM/target/failsafe-reports/failsafe-summary-postgresql.xml"
grep '^Checkout soak:' "$log"
if [ -f "$summary" ] && grep -q '<completed>1</completed>' "$summary" \
   && grep -q '<errors>0</errors>' "$summary" && grep -q '<failures>0</failures>' "$summary" \
   && grep -q '<skipped>0</skipped>' "$summary"; then
  echo "soak.sh: $minutes minutes, every answer as expected" >&2
  exit 0
fi
echo "soak.sh: the soak failed; see $log and $PLATFORM/target/failsafe-reports/postgresql/" >&2
exit 1
