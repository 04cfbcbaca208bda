/**
 * DNS hosts the wizard recognises by their name servers but cannot switch at (no API it speaks): the Update DNS
 * step names them and keeps the exact manual record. Patterns and sources: docs/dns-hosts/README.md#detection.
 */
export const MANUAL_DNS_HOSTS: readonly { name: string; nameServers: RegExp }[] = [
  { name: "Google Cloud DNS (or DNS hosted by Google Domains / Squarespace)", nameServers: /^ns-cloud-[a-z][1-4]\.googledomains\.com$/ },
  { name: "Azure DNS", nameServers: /^ns[1-4]-\d{2}\.azure-dns\.(com|net|org|info)$/ },
  { name: "GoDaddy", nameServers: /^ns\d{2}\.domaincontrol\.com$/ },
  // unverified: only third-party examples of NS1's name servers were found
  { name: "NS1", nameServers: /^dns\d\.p\d{2}\.nsone\.net$/ },
];
