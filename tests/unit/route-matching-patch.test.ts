import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The server loads the router's CommonJS build, the one patches/ changes (decision 0008); vitest would
// otherwise resolve the untouched ES module build.
const require = createRequire(import.meta.url);
const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");

const routes = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "thread", path: "workspaces/:slug/threads/:threadId" },
      { id: "faq", path: "faq" },
    ],
  },
];

describe("the patched route matcher (results kept per route list)", () => {
  it("gives each pathname its own params, the second time as the first", () => {
    for (let round = 0; round < 2; round += 1) {
      expect(matchRoutes(routes, "/workspaces/london/threads/1")?.at(-1)?.params).toEqual({ slug: "london", threadId: "1" });
      expect(matchRoutes(routes, "/workspaces/yorkshire/threads/2")?.at(-1)?.params).toEqual({ slug: "yorkshire", threadId: "2" });
      expect(matchRoutes(routes, "/nowhere")).toBeNull();
    }
  });

  it("hands out fresh match objects, so a caller that changes one cannot change the next caller's", () => {
    const first = matchRoutes(routes, "/workspaces/london/threads/1")!;
    (first[1]!.params as Record<string, string>).slug = "changed";
    first.pop();
    const second = matchRoutes(routes, "/workspaces/london/threads/1")!;
    expect(second.map((match) => match.route.id)).toEqual(["root", "thread"]);
    expect(second[1]!.params).toEqual({ slug: "london", threadId: "1" });
    // As without the cache, the matches of one result share one params object.
    expect(second[0]!.params).toBe(second[1]!.params);
  });

  it("matches a list it has not seen before afresh", () => {
    matchRoutes(routes, "/faq");
    const other = [{ id: "root", path: "/", children: [{ id: "guidance", path: "faq" }] }];
    expect(matchRoutes(other, "/faq")?.at(-1)?.route.id).toBe("guidance");
  });

  it("matches long pathnames without keeping them", () => {
    const slug = "x".repeat(400);
    expect(matchRoutes(routes, `/workspaces/${slug}/threads/9`)?.at(-1)?.params.slug).toBe(slug);
  });
});
