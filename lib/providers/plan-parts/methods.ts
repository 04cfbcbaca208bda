/** Every method a link host may have to pass: the superset of what any email provider needs, and what most CDNs pass by default. */
export const EVERY_METHOD = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"] as const;
