import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "docs/screenshots/**"] },
  {
    // Adapters contain no sandbox code: the sandbox (lib/sandbox/accounts.ts) hands them a fake's base URL.
    files: ["lib/providers/**/*.ts"],
    ignores: ["lib/providers/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/sandbox", "@/lib/sandbox/*", "**/sandbox/**"], message: "Provider adapters never import the sandbox or its fakes." }] }],
    },
  },
];

export default config;
