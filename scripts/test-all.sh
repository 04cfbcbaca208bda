#!/usr/bin/env bash
# The whole suite, as `npm test` and CI run it: types, lint, unit, production build, first-load JavaScript
# budgets, browser end-to-end (hostile input, headers, apply against the fakes, axe), Lighthouse budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$1"; }

# Install exactly the lockfile when node_modules is missing or was installed from another lockfile.
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sha 2>/dev/null)" != "$lock_sha" ]; then
  step "install"
  npm ci --no-audit --no-fund
  echo "$lock_sha" > node_modules/.lock-sha
fi
# Debian's Chromium and redis-server, when missing: the unit tests start redis-server, the browser tests both.
step "system packages"; node scripts/ensure-system-packages.mjs
step "typecheck"; npx tsc --noEmit
step "lint"; npx eslint . --max-warnings 0
step "unit"; npx vitest run
step "build"; npx next build
step "budgets: first-load JavaScript"; node scripts/budgets.mjs
step "end-to-end"; npx playwright test
step "budgets: Lighthouse"; node scripts/lighthouse.mjs
