import { describe, expect, it } from "vitest";
import { parsePlanQuery, planQueryString } from "./query";

describe("the console-panel view in the URL", () => {
  it("round-trips view=console and leaves the list implicit", () => {
    const { query } = parsePlanQuery(new URLSearchParams("cdn=fastly&host=ablink.x.customer.com&step=configure&view=console"));
    expect(query.view).toBe("console");
    expect(planQueryString(query)).toBe("cdn=fastly&host=ablink.x.customer.com&step=configure&view=console");
    expect(planQueryString({ ...query, view: "list" })).toBe("cdn=fastly&host=ablink.x.customer.com&step=configure");
  });

  it("ignores views and parameters it does not know, without an error (old and newer links keep working)", () => {
    const { query, errors } = parsePlanQuery(new URLSearchParams("cdn=fastly&host=ablink.x.customer.com&view=grid&v=2&utm_source=x"));
    expect(errors).toEqual([]);
    expect(query.view).toBeUndefined();
    expect(planQueryString(query)).toBe("cdn=fastly&host=ablink.x.customer.com");
  });
});
