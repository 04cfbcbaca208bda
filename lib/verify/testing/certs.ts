import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Certificates made at test time with the openssl CLI (docs/verification.md#test-fixtures): a test CA, leaves
 * it signs (exact names, wrong name, one-label wildcard, expired with `-days -1`) and a self-signed leaf.
 * Keys are P-256 to keep generation fast.
 */

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestPki {
  dir: string;
  ca: string;
  /** A leaf signed by the test CA naming exactly `names`. */
  issue(names: string[], opts?: { expired?: boolean }): KeyPair;
  /** A self-signed leaf naming `names`. */
  selfSigned(names: string[]): KeyPair;
  cleanup(): void;
}

const openssl = (args: string[], cwd: string) => execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
const EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

/** `dir`: where to write (emptied first), e.g. `.e2e/verify-pki` for the app under test; default a new temp dir. */
export function createPki(dir: string = fs.mkdtempSync(path.join(os.tmpdir(), "verify-pki-"))): TestPki {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  openssl(["req", "-x509", ...EC, "-keyout", "ca.key", "-out", "ca.crt", "-days", "30", "-subj", "/CN=Verifier Test CA"], dir);
  let n = 0;
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
  const san = (names: string[]) => `subjectAltName=${names.map((x) => `DNS:${x}`).join(",")}`;
  return {
    dir,
    ca: read("ca.crt"),
    issue(names, opts = {}) {
      const id = `leaf${++n}`;
      openssl(["req", ...EC, "-keyout", `${id}.key`, "-out", `${id}.csr`, "-subj", `/CN=${names[0] ?? "leaf"}`], dir);
      fs.writeFileSync(path.join(dir, `${id}.ext`), `${san(names)}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
      openssl(
        ["x509", "-req", "-in", `${id}.csr`, "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial", String(1000 + n), "-out", `${id}.crt`, "-days", opts.expired ? "-1" : "30", "-extfile", `${id}.ext`],
        dir,
      );
      return { key: read(`${id}.key`), cert: read(`${id}.crt`) };
    },
    selfSigned(names) {
      const id = `self${++n}`;
      openssl(["req", "-x509", ...EC, "-keyout", `${id}.key`, "-out", `${id}.crt`, "-days", "30", "-subj", `/CN=${names[0] ?? "self"}`, "-addext", san(names)], dir);
      return { key: read(`${id}.key`), cert: read(`${id}.crt`) };
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
