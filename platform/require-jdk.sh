# Sourced by platform/*.sh: the build's enforcer wants a JDK 21+ (./caravan finds one; a script run
# directly takes JAVA_HOME or java on the PATH). Exits 2 with a clear message otherwise.
java_major="$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1)"
if [ -z "$java_major" ] || [ "$java_major" -lt 21 ]; then
  echo "$(basename "$0"): needs a JDK 21 or newer (found Java ${java_major:-none}); set JAVA_HOME" >&2
  exit 2
fi
