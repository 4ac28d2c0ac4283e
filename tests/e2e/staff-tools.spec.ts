import { expect, expectAccessible, grantAdmin, joinedMember, test } from "./support";

// A second admin (a demo member given the role), so these tests leave demo.admin's sign-ins to admin.spec.
const STAFF = "tom.okafor@nhs.net";
test.beforeAll(() => grantAdmin(STAFF));
test.use({ signedInAs: STAFF });

test("a second rule for the same domain is refused without a leftover success message, and the errors go once done", async ({ page }) => {
  const domain = `twice-${Date.now()}.example.org.uk`;
  await page.goto("/admin/domains");
  await page.getByLabel("Domain", { exact: true }).fill(domain);
  await page.getByRole("radio", { name: "Always allow" }).check();
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText(`Rule added for ${domain}.`)).toBeVisible();

  await page.getByLabel("Domain", { exact: true }).fill(domain);
  await page.getByRole("radio", { name: "Always refuse" }).check();
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("alert")).toContainText(`There is already a rule for ${domain}`);
  await expect(page.getByText(`Rule added for ${domain}.`)).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: `Remove the rule for ${domain}` }).click();
  await page.getByRole("button", { name: "Remove rule" }).click();
  await expect(page.getByText(`Rule removed for ${domain}.`)).toBeVisible();
  // The refused attempt's errors went with it.
  await expect(page.getByText("There is a problem")).toHaveCount(0);
  await expect(page.getByLabel("Domain", { exact: true })).toHaveValue("");
});

test("the members search counts its matches in plain English", async ({ page }) => {
  await page.goto("/admin/members?q=Fenway%20Surgery");
  await expect(page.getByRole("status")).toContainText(/^1 person matches\./);
  await page.getByLabel("Name, email or organisation").fill("nhs.net");
  await page.getByRole("button", { name: "Search" }).click();
  // Other tests add nhs.net members as the suite runs, so the count may run to a second page.
  await expect(page.getByRole("status")).toContainText(/^\d+ people match( \(page 1 of \d+\))?\./);
});

test("a double click on a form's button sends it once, also on a page reached in the browser", async ({ page }) => {
  // The form's POST is held until the second click has landed, so the second click always comes while the
  // first submission is on its way, however fast the server answers.
  const posts: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.startsWith("/admin/bulletins/new"),
    async (route) => {
      if (route.request().method() === "POST") {
        posts.push(route.request().url());
        await held;
      }
      await route.continue();
    },
  );
  const subject = `Sent once ${Date.now()}`;
  await page.goto("/admin/bulletins");
  // A link, so the form's page is rendered in the browser after nhsuk-frontend started on the first one.
  await page.getByRole("button", { name: "Write a new bulletin" }).click();
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("The bulletin").fill("News from the network.");
  const button = page.getByRole("button", { name: "Save draft" });
  await button.click();
  await expect.poll(() => posts.length).toBe(1);
  await button.click({ force: true });
  release();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  expect(posts).toHaveLength(1);
});

test("staff addresses without a page of their own answer with the portal's 403 and 404 pages", async ({ page, browser }) => {
  const memberContext = await browser.newContext();
  await joinedMember({ signedIn: memberContext });
  const member = await memberContext.newPage();
  for (const path of ["/admin/webinars/1/registrations.csv", "/admin/bulletins/1/email-preview", "/admin/workspaces/posts/1", "/admin/workspaces/threads/1"]) {
    const response = await member.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(member.getByRole("heading", { level: 1, name: "You do not have access to this page" }), path).toBeVisible();
  }
  await memberContext.close();

  // Staff following the audit log to something since deleted, or a download of a webinar that is not there.
  for (const path of ["/admin/workspaces/posts/999999", "/admin/workspaces/threads/999999", "/admin/webinars/999999/registrations.csv", "/admin/bulletins/999999/email-preview"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
  }
});
