import { describe, expect, it } from "vitest";
import { resolveEsp } from "@/lib/esps/choice";
import { certificateGapNote } from "@/lib/verify/certificate-gap";
import { describe as diagnosis } from "@/lib/verify/diagnose";
import type { VerifyReport } from "@/lib/verify/types";
import { certificateGapWords } from "./certificate-gap-words";
import { keycdnInfo } from "./keycdn/info";
import { gapWarning } from "./keycdn/plan";

const HOST = "ablink.news.customer.com";
const WORDS = certificateGapWords(keycdnInfo.name, keycdnInfo.certificateAfterSwitch!);
const WHY = (subject: string) => `KeyCDN can obtain the certificate for ${subject} only once its CNAME points at KeyCDN, because the certificate authority checks the host through KeyCDN`;

/** A report in which the host's certificate is not proven yet, so the DNS step's gate explains the gap. */
const waiting: VerifyReport = {
  version: 1,
  cdn: "keycdn",
  region: "global",
  checkedAt: "2026-03-04T05:06:07.890Z",
  elapsedMs: 1,
  hosts: [{ host: HOST, target: null, phase: "before", link: null, checks: [], readyToSwitch: false, readiness: "" }],
  hsts: [],
  readyToSwitch: false,
  pending: false,
};

describe("the words for a certificate that can only come after the switch", () => {
  it("are built from the provider's data", () => {
    expect(WORDS.onlyAfterSwitch(HOST)).toBe(WHY(HOST));
    expect(WORDS.howLong).toBe("How long the gap lasts: KeyCDN publishes no issuance time; allow up to an hour.");
    expect(WORDS.avoid).toBe(`To avoid the gap: ${keycdnInfo.certificateAfterSwitch!.beforeSwitch}`);
  });

  // Each sentence exists once: the plan, the verifier's fix and the gate say the same why, cost and time.
  it("say why in the same words in the plan's DNS step, the verifier's certificate fix and the DNS step's gate", () => {
    expect(gapWarning(HOST)).toContain(`With SSL: Let's Encrypt, ${WHY(HOST)}. ${WORDS.cost} ${WORDS.howLong}`);
    expect(diagnosis("cert-name-mismatch", { cdn: "keycdn", host: HOST, target: null, origin: "sendgrid.net", esp: resolveEsp({ region: "global" }) }).fix).toContain(`With SSL: Let's Encrypt, ${WHY(HOST)}. So before the switch`);
    const note = certificateGapNote(keycdnInfo.certificateAfterSwitch, keycdnInfo.name, waiting)!;
    expect([note.why.startsWith(`${WHY("a link host")}. So the certificate check`), note.howLong, note.noGap]).toEqual([true, WORDS.howLong, WORDS.avoid]);
  });
});
