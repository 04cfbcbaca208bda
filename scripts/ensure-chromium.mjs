// Installs Debian's Chromium when it is missing (CI machines start without it; we run as root there).
import { existsSync } from "node:fs";
import { execSync } from "node:child_process";
import { CHROMIUM_PATH } from "./chromium.mjs";

if (existsSync(CHROMIUM_PATH)) {
  console.log(`chromium: ${CHROMIUM_PATH}`);
} else {
  console.log("chromium: not found, installing Debian's chromium package");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils", { stdio: "inherit" });
}
