/** SendGrid's tracking names (docs/esps.md#sendgrid): in a file of their own so the module and its recogniser share them. */

/** SendGrid's click-tracking origin per account region (Link Branding API `region`). */
export const SENDGRID_ORIGIN: Readonly<Record<"global" | "eu", string>> = { global: "sendgrid.net", eu: "eu.sendgrid.net" };

/** Auto SSL link branding points the link host here instead (docs/esps.md#sendgrid-auto-ssl). */
export const SENDGRID_AUTO_SSL_TARGET = "click.sendgrid.net";

/** The account regions, in the order offered; the first is the default (lib/esps/regions.ts reads it without the module). */
export const SENDGRID_REGIONS = [
  { id: "global", label: "Global (sendgrid.net)" },
  { id: "eu", label: "EU regional (eu.sendgrid.net)" },
] as const;
