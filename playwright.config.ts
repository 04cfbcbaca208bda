import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/chromium.mjs";
import { E2E_APP_PORT, e2eServerEnv } from "./e2e/ports";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: "off",
  },
  webServer: [
    {
      command: "node --conditions=react-server --import tsx e2e/start-fakes.ts",
      url: `http://127.0.0.1:${e2eServerEnv.FAKES_HEALTH_PORT}/__sandbox/calls`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `bash -c "mkdir -p .e2e && npx next start --port ${E2E_APP_PORT} --hostname 127.0.0.1 2>&1 | tee .e2e/server.log"`,
      url: `http://127.0.0.1:${E2E_APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: e2eServerEnv,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
