#!/usr/bin/env bash
# The crash harness (issue #12; docs/scaling.md, "Crashes"): platform/src/test/.../CrashRecoveryIT
# with as many kills as asked. `./caravan test` runs it with 3 kills; this runs it alone, bounded by
# the number of kills (about 30 s a kill on 2 cores: node B's restart is most of it).
#
#   ./caravan crash            100 kills, a new seed (printed)
#   ./caravan crash 20 1234    20 kills, the moments of seed 1234 again
#   platform/crash.sh 100      the same with JAVA_HOME set to a JDK 21+
#
# Needs PostgreSQL on 127.0.0.1:5432 (as the test command does). Extra Maven options go in
# MVN_OPTS_CRASH (e.g. -o). The output is platform/target/crash.log; the invariants it checks and
# the figures of the last full run are in BENCHMARKS.md, "Crash harness".
set -u -o pipefail

PLATFORM="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$PLATFORM")"
cd "$ROOT" || exit 1

# shellcheck source=require-jdk.sh
. "$PLATFORM/require-jdk.sh"
kills="${1:-100}"
case "$kills" in ''|*[!0-9]*) echo "crash.sh: the number of kills must be a positive integer, not '$kills'" >&2; exit 2 ;; esac
[ "$kills" -ge 1 ] || { echo "crash.sh: at least 1 kill" >&2; exit 2; }
seed_arg=()
if [ $# -ge 2 ]; then
  case "$2" in ''|*[!0-9-]*) echo "crash.sh: the seed must be an integer, not '$2'" >&2; exit 2 ;; esac
  seed_arg=("-Dcaravan.crash.seed=$2")
fi

mkdir -p "$PLATFORM/target"
log="$PLATFORM/target/crash.log"
echo "crash.sh: building (tests skipped), then $kills kills of node B; output in $log" >&2
# shellcheck disable=SC2086
"${MVN:-mvn}" -B -q ${MVN_OPTS_CRASH:-} -DskipTests install -pl '!platform' >"$log" 2>&1 \
  || { echo "crash.sh: the build failed, see $log" >&2; exit 1; }
# The PostgreSQL integration-test execution alone, with this one suite (the H2 execution cannot hold
# two nodes); the unit tests were run by the last test command, not again here.
# shellcheck disable=SC2086
"${MVN:-mvn}" -B ${MVN_OPTS_CRASH:-} -f "$PLATFORM/pom.xml" \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashRecoveryIT \
  -Dcaravan.crash.kills="$kills" "${seed_arg[@]}" \
  pre-integration-test failsafe:integration-test@it-postgresql >>"$log" 2>&1
summary="$PLATFORM/target/failsafe-reports/failsafe-summary-postgresql.xml"
sed -n '/^Crash harness/,/placements cut/p' "$log"
# the suite's two tests (the harness and the retried-placement case) must both have run and passed
if [ -f "$summary" ] && grep -q '<completed>[1-9][0-9]*</completed>' "$summary" \
   && grep -q '<errors>0</errors>' "$summary" && grep -q '<failures>0</failures>' "$summary" \
   && grep -q '<skipped>0</skipped>' "$summary"; then
  echo "crash.sh: $kills kills, every invariant held" >&2
  exit 0
fi
echo "crash.sh: the harness failed; see $log and $PLATFORM/target/failsafe-reports/postgresql/" >&2
exit 1
