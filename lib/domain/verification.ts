/** Which part of the setup a verification failure's fix is about: the words every check and every CDN module share. */
export type FixTopic = "certificate" | "cdn-config" | "dns" | "link-branding" | "input" | "retry";
