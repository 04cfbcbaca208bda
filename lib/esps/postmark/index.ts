import type { GuideEspModule } from "@/lib/domain/esp";

/** Postmark: docs/esps.md#postmark. */
export const postmark: GuideEspModule = {
  id: "postmark",
  name: "Postmark",
  origins: [],
  cdn: ["Postmark shows the custom tracking CNAME's value on the domain's DNS Settings page; its default tracking host is click.pstmrk.it."],
  ask: [
    "The CNAME target of your custom tracking domain, and whether the CDN may use it as its origin over HTTPS.",
    "Whether Postmark serves HTTPS on your custom tracking domain itself.",
    "How the link host must reach Postmark (Host header), and which methods and cache rule tracked links need.",
  ],
  unverified: ["Nothing about HTTPS on Postmark's custom tracking domains is published."],
};
