/** Credentials the e2e fakes know. Obviously fake; the canary's secret must never leave the server. */
export const E2E_AWS = { accessKeyId: "AKIAE2ETESTKEY000001", secretAccessKey: "e2eTestSecret000000000000000000000000001" };
export const CANARY_MARKER = "CanaryZq7Xw";
export const CANARY_AWS = { accessKeyId: "AKIACANARYKEY0000001", secretAccessKey: `${CANARY_MARKER}Secret000000000000000000000000`.slice(0, 40) };
export const DENIED_AWS = { accessKeyId: "AKIAAPPLYDENIED00001", secretAccessKey: E2E_AWS.secretAccessKey };
