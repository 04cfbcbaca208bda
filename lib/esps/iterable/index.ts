import type { GuideEspModule } from "@/lib/domain/esp";

/** Iterable: docs/esps.md#iterable. */
export const iterable: GuideEspModule = {
  id: "iterable",
  name: "Iterable",
  origins: [
    { region: "US", origin: "links.iterable.com" },
    { region: "EU", origin: "links.eu.iterable.com" },
  ],
  originProtocol: "https",
  cdn: [
    "Iterable requires a CDN for HTTPS on a custom tracking domain .",
    "Its CDN steps forward all headers and cookies (the tracking domain sets attribution cookies) and allow POST (the resubscribe page posts to it).",
    "The tracking domain also serves apple-app-site-association and assetlinks.json, which need HTTPS.",
  ],
  ask: ["Whether Iterable offers a managed certificate for your tracking domain (none is published)."],
  unverified: ["No managed HTTPS found in Iterable's public docs."],
};
