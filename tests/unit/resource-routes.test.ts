import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = "app/routes";

/** Route modules without a page component: what they throw reaches the browser as it is. */
const resourceRoutes = readdirSync(ROUTES)
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => ({ name, source: readFileSync(join(ROUTES, name), "utf8") }))
  .filter(({ source }) => !/^export default /m.test(source));

describe("resource routes", () => {
  it("are found", () => {
    expect(resourceRoutes.map(({ name }) => name)).toEqual(expect.arrayContaining(["admin.webinars.$id.registrations[.csv].ts", "healthz.ts"]));
  });

  it.each(resourceRoutes)("$name makes no check that throws a bare 403 (requireAdminForResource sends people to a page)", ({ source }) => {
    expect(source).not.toMatch(/\brequire(Admin|Role)\(/);
  });
});
