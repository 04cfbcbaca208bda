// Installs the Debian packages the tests need when they are missing (CI machines start without them; we run
// as root there): Chromium (and pdftoppm) for the browser tests, redis-server for the store's tests and the
// scale-out end-to-end spec (lib/store/testing/redis-server.ts).
import { existsSync } from "node:fs";
import { execSync, spawnSync } from "node:child_process";
import { CHROMIUM_PATH } from "./chromium.mjs";

const onPath = (command) => spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0;

const missing = [];
if (existsSync(CHROMIUM_PATH)) console.log(`chromium: ${CHROMIUM_PATH}`);
else missing.push("chromium", "poppler-utils");
if (onPath("redis-server")) console.log("redis-server: found");
else missing.push("redis-server");

if (missing.length > 0) {
  console.log(`not found, installing Debian's packages: ${missing.join(" ")}`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`, { stdio: "inherit" });
}
