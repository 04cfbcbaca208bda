import type { Region } from "@/lib/plan/types";

/**
 * SendGrid's click-tracking origin per account region. EU-region accounts use eu.sendgrid.net
 * (twilio.com/docs/sendgrid/api-reference/link-branding/create-a-branded-link, `region`).
 */
export const SENDGRID_ORIGIN: Record<Region, string> = {
  global: "sendgrid.net",
  eu: "eu.sendgrid.net",
};

/** Auto SSL link branding points the link host here instead (docs/sendgrid.md#invariant-10-auto-ssl-needs-no-cdn). */
export const SENDGRID_AUTO_SSL_TARGET = "click.sendgrid.net";

/** A tracked-link path people can recognise, used in examples and tests. */
export const EXAMPLE_TRACKED_PATH = "/ls/click?upn=u001.EXAMPLE";
