import { readFile } from "node:fs/promises";
import { expect, expectAccessible, joinedMember, signIn, test, visit, waitForMail } from "./support";

// Fictional people from the demo data (app/membership/demo-members.server.ts), seeded when the e2e server starts.
const ADMIN = "demo.admin@nhs.net";
const MEMBER = "demo.member@nhs.net";
// Another member for the access check, so it cannot run into MEMBER signing out of all devices in a parallel worker.
const OTHER_MEMBER = "daniel.reid@nhs.net";

test.describe("signed in as the demo admin", () => {
  // One sign-in shared by these tests (demo.admin may sign in only 5 times in 15 minutes); signing in is join.spec's subject.
  test.use({ signedInAs: ADMIN });

  test("the demo admin approves a pending joiner, who is emailed, and the audit log records it", async ({ page }) => {
    await page.goto("/admin/members");
    await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: /waiting for approval/ }).click();
    await expect(page).toHaveURL(/status=pending/);
    await expect(page.getByRole("link", { name: "Hannah Price" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Hannah Price" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hannah Price" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("alert")).toContainText("Approved");
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Approved a joiner" })).toBeVisible();
    await expectAccessible(page);

    const mail = await waitForMail("hannah.price@meadowbank-wellbeing.org.uk", (m) => m.subject === "You are now a member of the Social Prescribing Network");
    expect(mail.text).toContain("Hannah Price");

    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Members" }).first().click();
    await page.getByRole("navigation", { name: "Staff tools" }).getByRole("link", { name: "Audit log" }).click();
    const row = page.getByRole("row").filter({ hasText: "Approved a joiner" });
    await expect(row).toContainText("Priya Shah");
    await expect(row).toContainText("Hannah Price");
    await expectAccessible(page);
  });

  test("declining a joiner needs a reason, which is emailed to them", async ({ page }) => {
    await page.goto("/admin/members?q=hollowfield");
    await page.getByRole("link", { name: "Joy Adeyemi" }).click();
    await page.getByRole("link", { name: "Decline" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Decline request to join" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Decline request" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enter the reason for declining" })).toBeVisible();
    await expectAccessible(page);

    const reason = "The network is for people working in social prescribing; please ask your link worker colleague to join.";
    await page.getByLabel("Why are you declining this request?").fill(reason);
    await page.getByRole("button", { name: "Decline request" }).click();
    await expect(page.getByRole("alert")).toContainText("Declined");
    await expect(page.getByText(`Reason given: ${reason}`)).toBeVisible();

    const mail = await waitForMail("joy.adeyemi@hollowfield-arts.org.uk", (m) => m.subject === "We could not approve your request to join the Social Prescribing Network");
    expect(mail.text).toContain(reason);
  });

  test("staff manage email domain rules, with the domain checked", async ({ page }) => {
    await page.goto("/admin/domains");
    await expect(page.getByRole("cell", { name: "northfold-connect.org.uk", exact: true })).toBeVisible();
    await expectAccessible(page);
    await expect(page.getByRole("textbox", { name: "Domain" })).toHaveAccessibleDescription(/A rule for example\.org also covers its subdomains/);

    await page.getByLabel("Domain", { exact: true }).fill("someone@riverbend-care.org.uk");
    await page.getByRole("radio", { name: "Always refuse" }).check();
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByRole("link", { name: "Enter the part after the @ only, like example.org.uk" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Domain", { exact: true }).fill("Riverbend-Care.ORG.uk");
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByRole("alert")).toContainText("Rule added for riverbend-care.org.uk");
    // Removing asks first, saying what will change.
    await page.getByRole("link", { name: "Remove the rule for riverbend-care.org.uk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Remove the rule for riverbend-care.org.uk?" })).toBeVisible();
    await expect(page.getByText("will be able to join again")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Remove rule" }).click();
    await expect(page.getByRole("alert")).toContainText("Rule removed for riverbend-care.org.uk");
    await expect(page.getByRole("cell", { name: "riverbend-care.org.uk", exact: true })).toHaveCount(0);
  });
});

test("a visitor is sent to sign in and a member gets the 403 page from the staff tools", async ({ page }) => {
  await page.goto("/admin/members");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fadmin%2Fmembers$/);

  await signIn(page, OTHER_MEMBER);
  await expect(page.getByRole("link", { name: "Staff tools" })).toHaveCount(0);
  await visit(page, "/admin/members", 403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
});

test("a member edits their profile and preferences, downloads their data and signs out everywhere", async ({ page }) => {
  await signIn(page, MEMBER);
  await visit(page, "/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change email address" })).toHaveAttribute("href", "/account/email");

  await page.getByRole("link", { name: "Change full name" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change your details" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Full name").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("link", { name: "Enter your full name" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Sam Carter-Jones");
  await page.getByRole("textbox", { name: "ICB or PCN (optional)" }).fill("Ashcroft and Vale PCN");
  await page.getByRole("checkbox", { name: "London" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("alert")).toContainText("Your details have been updated.");
  await expect(page.getByText("Sam Carter-Jones")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Change monthly bulletin" }).click();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "Send me the monthly bulletin" }).uncheck();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("alert")).toContainText("Your email preferences have been updated.");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^social-prescribing-network-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path()) as string, "utf8"));
  expect(data.profile).toMatchObject({ email: MEMBER, fullName: "Sam Carter-Jones", icbOrPcn: "Ashcroft and Vale PCN" });
  expect(data.profile.workspaceInterests).toContain("london");
  expect(data.consents).toEqual({ bulletin: false, eventNotifications: true });
  expect(data.sessions.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You have signed out of all devices" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a member leaves the network: confirmation step, details deleted, confirmation email", async ({ page, context, accounts }) => {
  // A member of its own: demo people are shared with tests running alongside (Grace posts in the workspaces journey).
  const email = await joinedMember();
  await signIn(page, email);
  await page.getByRole("link", { name: "Leave the network and delete your details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leave the network" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Leave the network and delete my details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You have left the network" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);

  const mail = await waitForMail(email, (m) => m.subject === "You have left the Social Prescribing Network");
  expect(mail.text).toContain("Alex Example");

  // Staff now see anonymous former members; the leaver's address is not among them.
  await accounts.signIn(context, ADMIN);
  await page.goto("/admin/members?status=left");
  await expect(page.getByRole("link", { name: "Former member" }).first()).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  await expectAccessible(page);
});
