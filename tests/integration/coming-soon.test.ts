import { describe, expect, it } from "vitest";
import * as recordings from "~/routes/recordings._index";
import { pageRequest, setUpDatabaseTests } from "../support/fixtures";
import { renderPage } from "../support/render-page";

setUpDatabaseTests();

describe.each([
  ["/recordings", recordings],
])("the placeholder at %s", (path, route) => {
  it("asks visitors to join", async () => {
    const page = await renderPage(route, pageRequest(path), { user: null });
    expect(page.html).toContain('href="/join"');
  });

  it("tells a signed-in member they will hear when it opens, without asking them to join", async () => {
    const page = await renderPage(route, pageRequest(path), { user: { fullName: "Sam Carter", isAdmin: false } });
    expect(page.text).not.toMatch(/join the network/i);
    expect(page.html).not.toContain('href="/join"');
    expect(page.text).toContain("we will let members know when it opens");
  });
});
