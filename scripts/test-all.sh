#!/usr/bin/env bash
# The whole suite, as `npm test` and CI run it: types, lint, unit, production build, browser end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$1"; }

if [ ! -d node_modules ]; then step "install"; npm ci --no-audit --no-fund; fi
step "typecheck"; npx tsc --noEmit
step "lint"; npx eslint . --max-warnings 0
step "unit"; npx vitest run
step "build"; npx next build
step "chromium"; node scripts/ensure-chromium.mjs
step "end-to-end"; npx playwright test
