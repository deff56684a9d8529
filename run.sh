#!/usr/bin/env bash
# Starts the whole platform on this machine with only a JDK: Kafka, a MongoDB wire server,
# a mail server with a web inbox, and the services. Prints the URLs; Ctrl-C stops everything.
#
#   ./run.sh                 everything (builds first if a jar is missing or older than the sources)
#   ./run.sh --infra-only    only Kafka, MongoDB, SMTP/IMAP and the web inbox
#   REBUILD=1 ./run.sh       rebuild before starting
#   REPLICAS=2 ./run.sh      two instances of each service behind the gateway (1 to 8; ports base+10*i);
#                            an instance that dies is restarted, $DATA_DIR/instances.json lists their pids
#
# Ports, DATA_DIR (default ./.data) and more are set through environment variables:
#   java -jar dev-stack/target/dev-stack.jar --help
# DEVSTACK_JAVA_OPTS overrides the launcher's JVM options (default -Xmx384m).
set -euo pipefail
cd "$(dirname "$0")"

infra_only=0
[[ "${INFRA_ONLY:-}" =~ ^(true|1|yes|on)$ ]] && infra_only=1
for arg in "$@"; do
  [[ "$arg" == "--infra-only" ]] && infra_only=1
done

# The modules whose sources end up in the jars: each service jar holds event-contracts and service-kit, the gateway's
# holds web; the launcher's holds no other module.
if [[ "$infra_only" == "1" ]]; then
  # only the launcher is needed: build just it (and what it depends on)
  jars=(dev-stack/target/dev-stack.jar)
  sources=(pom.xml dev-stack)
  mvn_args=(-q -DskipTests package -pl dev-stack -am)
else
  jars=(
    registration-service/target/registration-service.jar
    accreditation-service/target/accreditation-service.jar
    notification-service/target/notification-service.jar
    gateway/target/gateway.jar
    dev-stack/target/dev-stack.jar
  )
  sources=(pom.xml event-contracts service-kit registration-service accreditation-service notification-service web gateway
    dev-stack)
  mvn_args=(-q -DskipTests package)
fi
# Build when asked, when a jar is missing, or when a source or build file changed after the oldest jar was built
# (a pull or an edit since the last build): the stack never runs code older than the sources.
build=0
reason=""
if [[ "${REBUILD:-0}" == "1" ]]; then
  build=1; reason="REBUILD=1"
else
  oldest=""
  for jar in "${jars[@]}"; do
    if [[ ! -f "$jar" ]]; then
      build=1; reason="$jar is missing"; break
    fi
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then
      oldest="$jar"
    fi
  done
  if [[ "$build" == "0" ]]; then
    changed=$(find "${sources[@]}" \( -name target -o -name node_modules \) -prune -o -type f \
      \( -path '*/src/main/*' -o -name pom.xml \) -newer "$oldest" -print 2>/dev/null | head -1)
    if [[ -n "$changed" ]]; then
      build=1; reason="$changed changed since $oldest was built"
    fi
  fi
fi
if [[ "$build" == "1" ]]; then
  echo "Building ($reason) with ./mvnw ${mvn_args[*]} (the first run downloads dependencies and takes a few minutes)..."
  started=$(mktemp)
  trap 'rm -f "$started"' EXIT
  ./mvnw "${mvn_args[@]}"
  # Maven leaves a jar whose module did not change as it was, older than the edit that caused this build: date every
  # jar to the start of this successful build, or each later start would find that edit newer than the oldest jar and
  # build again (a source saved while Maven ran stays newer, and is built next time).
  touch -r "$started" "${jars[@]}"
  rm -f "$started"
  trap - EXIT
fi

# exec: the launcher itself receives Ctrl-C / SIGTERM and stops its children in order.
# shellcheck disable=SC2086 # DEVSTACK_JAVA_OPTS is a list of options
exec java ${DEVSTACK_JAVA_OPTS:--Xmx384m} -jar dev-stack/target/dev-stack.jar "$@"
