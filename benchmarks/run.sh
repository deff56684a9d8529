#!/usr/bin/env bash
# Runs a benchmark against a stack that is already running, e.g. started in another terminal with
#   CONFERENCE_GATEWAY_PUBLIC_WRITE_RATE_LIMIT=0 ./run.sh
#
#   ./benchmarks/run.sh                                   the registration benchmark
#   BENCH_SUITE=email ./benchmarks/run.sh                 the email benchmark (or: ./benchmarks/run.sh email)
#   BENCH_SUITE=replicas ./benchmarks/run.sh              instances killed under load (stack: REPLICAS=2 ./run.sh)
#
# Settings come from BENCH_* environment variables (see benchmarks/README.md); extra Maven options from MVN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

suite="${1:-${BENCH_SUITE:-registration}}"
case "$suite" in
  registration) simulation=eu.efus.conference.benchmarks.RegistrationBenchmark ;;
  email) simulation=eu.efus.conference.benchmarks.EmailBenchmark ;;
  replicas) simulation=eu.efus.conference.benchmarks.ReplicasSoak ;;
  *)
    echo "Unknown benchmark '$suite': registration (the default), email or replicas" >&2
    exit 2
    ;;
esac

gateway="${BENCH_GATEWAY_URL:-http://localhost:8080}"
# the public port has no actuator: any public page tells whether the gateway answers
if command -v curl > /dev/null && ! curl -fsS -o /dev/null --max-time 5 "$gateway/api/events"; then
  echo "The gateway at $gateway is not ready. Start the stack first: CONFERENCE_GATEWAY_PUBLIC_WRITE_RATE_LIMIT=0 ./run.sh" >&2
  exit 1
fi
if [[ "$suite" != "registration" ]] && command -v curl > /dev/null; then
  inbox="${BENCH_MAIL_WEB_URL:-http://localhost:8025}"
  # message 0 never exists: the inbox answers 404, anything else (or no answer) is not the inbox
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$inbox/api/messages/0" || true)" != "404" ]]; then
    echo "The web inbox at $inbox does not answer. The $suite benchmark reads the embedded stack's mail server (./run.sh)." >&2
    exit 1
  fi
fi

# the replicas soak finds the instances to kill in the launcher's $DATA_DIR/instances.json
if [[ "$suite" == "replicas" ]]; then
  data_dir="${BENCH_DATA_DIR:-${DATA_DIR:-.data}}"
  export BENCH_DATA_DIR="$(cd "$data_dir" 2> /dev/null && pwd || echo "$data_dir")"
  if [[ ! -f "$BENCH_DATA_DIR/instances.json" ]]; then
    echo "No $BENCH_DATA_DIR/instances.json: start the stack with REPLICAS=2 CONFERENCE_GATEWAY_PUBLIC_WRITE_RATE_LIMIT=0 ./run.sh, and set BENCH_DATA_DIR (or DATA_DIR) to its data directory" >&2
    exit 1
  fi
fi

# test-compile first: the gatling:test goal runs what is compiled, it does not compile by itself.
# shellcheck disable=SC2086 # MVN_ARGS is a list of options
exec ./mvnw -q ${MVN_ARGS:-} -pl benchmarks test-compile gatling:test -Dbenchmark.simulation="$simulation"
