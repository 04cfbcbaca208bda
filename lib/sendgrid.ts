/** SendGrid's values now live in its ESP module (lib/esps/sendgrid); this path stays for existing imports. */
export { SENDGRID_AUTO_SSL_TARGET, SENDGRID_ORIGIN } from "@/lib/esps/sendgrid";

/** A tracked-link path people can recognise, used in examples and tests. */
export const EXAMPLE_TRACKED_PATH = "/ls/click?upn=u001.EXAMPLE";
