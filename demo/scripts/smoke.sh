#!/usr/bin/env sh
# Smoke check of a running demo: health answers and a quote comes back.
set -eu

port="${DEMO_PORT:-47310}"
base="http://127.0.0.1:${port}"

curl --fail --silent --show-error "${base}/api/health" > /dev/null
curl --fail --silent --show-error "${base}/api/market/quote/SPY" > /dev/null
echo "demo on port ${port}: health and quotes answer"
