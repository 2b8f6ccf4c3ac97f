#!/usr/bin/env bash
# Start N Gate Lab replicas behind nginx on loopback: deploy/run.sh [replicas] [port]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python deploy/replicas.py --replicas "${1:-2}" --port "${2:-8500}"
