#!/usr/bin/env bash
# Runs the registration benchmark against a stack that is already running, e.g. started in another terminal with
#   CONFERENCE_GATEWAY_PUBLIC_WRITE_RATE_LIMIT=0 ./run.sh
# Settings come from BENCH_* environment variables (see benchmarks/README.md); extra Maven options from MVN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

gateway="${BENCH_GATEWAY_URL:-http://localhost:8080}"
# the public port has no actuator: any public page tells whether the gateway answers
if command -v curl > /dev/null && ! curl -fsS -o /dev/null --max-time 5 "$gateway/api/events"; then
  echo "The gateway at $gateway is not ready. Start the stack first: CONFERENCE_GATEWAY_PUBLIC_WRITE_RATE_LIMIT=0 ./run.sh" >&2
  exit 1
fi

# test-compile first: the gatling:test goal runs what is compiled, it does not compile by itself.
# shellcheck disable=SC2086 # MVN_ARGS is a list of options
exec ./mvnw -q ${MVN_ARGS:-} -pl benchmarks test-compile gatling:test
