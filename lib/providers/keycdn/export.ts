import type { CdnExports } from "@/lib/providers/types";

/**
 * No Terraform export: we know of no official Terraform provider for KeyCDN (that none exists is
 * **unverified**: docs/providers/keycdn.md#export), and the export route says so through this field.
 */
export const keycdnExports: CdnExports = {
  none: "No Terraform export: this project knows no official Terraform resources for a KeyCDN pull zone; Markdown and JSON carry every value.",
};
