// Installs the Debian packages the tests need when they are missing (CI machines start without them; we run
// as root there): Chromium (and pdftoppm) for the browser tests, redis-server for the store's tests and the
// scale-out end-to-end spec (lib/store/testing/redis-server.ts). Only checks, and exits at once, when
// everything is present. Not root and something missing: says what to run and exits 1.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { CHROMIUM_PATH } from "./chromium.mjs";

// The same binary lib/store/testing/redis-server.ts starts.
const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "redis-server";
const APT_OPTIONS = ["-o", "DPkg::Lock::Timeout=120"];
// With recommends, as before: Chromium's recommended fonts keep screenshots and Lighthouse as CI has measured them.
const INSTALL_OPTIONS = ["install", "-y", "-qq"];
/** invoke-rc.d's hook (Debian policy 9.3.3): exit 101 forbids starting any service. */
const POLICY_RC_D = "/usr/sbin/policy-rc.d";

const runs = (command, args) => spawnSync(command, args, { stdio: "ignore" }).status === 0;
const onPath = (command) => runs("sh", ["-c", `command -v ${command}`]);

function fail(message) {
  console.error(`ensure-system-packages: ${message}`);
  process.exit(1);
}

const missing = [];
if (existsSync(CHROMIUM_PATH)) console.log(`chromium: ${CHROMIUM_PATH}`);
else missing.push("chromium");
if (onPath("pdftoppm")) console.log("pdftoppm: found");
else missing.push("poppler-utils");
if (runs(REDIS_SERVER, ["--version"])) console.log(`redis-server: ${REDIS_SERVER}`);
else if (process.env.REDIS_SERVER_PATH) fail(`REDIS_SERVER_PATH is set to ${REDIS_SERVER}, which does not run (\`${REDIS_SERVER} --version\` failed): fix or unset it.`);
else missing.push("redis-server");

if (missing.length === 0) process.exit(0);

const command = ["apt-get", ...APT_OPTIONS, ...INSTALL_OPTIONS, ...missing];
if (!onPath("apt-get")) fail(`missing: ${missing.join(", ")}. This is not a Debian-based system (no apt-get): install them with its package manager.`);
if (process.getuid?.() !== 0) {
  fail(
    `missing: ${missing.join(", ")}. Install them as root, then run this again:\n` +
      `  sudo apt-get ${APT_OPTIONS.join(" ")} update && sudo DEBIAN_FRONTEND=noninteractive ${command.join(" ")}`,
  );
}

/** Runs apt-get with its output shown; what went wrong, or undefined. */
function apt(args) {
  const result = spawnSync("apt-get", [...APT_OPTIONS, ...args], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  return result.status === 0 ? undefined : `\`apt-get ${[...APT_OPTIONS, ...args].join(" ")}\` failed (${result.error?.message ?? `exit ${result.status}`}).`;
}

console.log(`not found, installing Debian's packages: ${missing.join(" ")}`);
// The redis-server package starts (and enables) a service on 6379: forbid that while installing, unless this
// machine already has a policy of its own (containers often do), and stop and disable it afterwards anyway.
const ownPolicy = !existsSync(POLICY_RC_D);
if (ownPolicy) writeFileSync(POLICY_RC_D, "#!/bin/sh\nexit 101\n", { mode: 0o755 });
let failure;
try {
  failure = apt(["update", "-qq"]) ?? apt([...INSTALL_OPTIONS, ...missing]);
} finally {
  if (ownPolicy) rmSync(POLICY_RC_D, { force: true });
}
if (failure) fail(failure);
if (missing.includes("redis-server") && onPath("systemctl")) {
  // Fails where systemd is not running (containers): then nothing was started either. Either way ignored.
  spawnSync("systemctl", ["disable", "--now", "redis-server"], { stdio: "ignore" });
}
