import { expect, test, type Browser, type Page } from "@playwright/test";
import { onePagePdf } from "../../app/files/generated-pdf.server";
import { expectAccessible, grantAdmin, signIn, visit, waitForMail } from "./support";

// Fictional people from the demo data: Kiran Patel leads the private Social prescribing champions
// workspace (app/workspaces/demo.server.ts), Siân Hughes is a member of it, Grace Mensah is not.
const LEAD = "kiran.patel@nhs.net";
const POSTER = "grace.mensah@nhs.net";
const REPORTER = "sian.hughes@nhs.net";
const CHAMPIONS = "/workspaces/social-prescribing-champions";

async function personPage(browser: Browser, email: string, redirectTo: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, { redirectTo });
  await expectAccessible(page);
  return page;
}

test("a member joins a private workspace, posts an advert, is reported, hidden and removed by a lead, and is emailed each decision", async ({ browser }) => {
  test.setTimeout(120_000);

  // Grace asks to join the private champions workspace: she sees its name and description only.
  const grace = await personPage(browser, POSTER, "/workspaces");
  await expect(grace.getByRole("link", { name: "Social prescribing champions" })).toBeVisible();
  await visit(grace, CHAMPIONS);
  await expect(grace.getByRole("heading", { level: 1, name: "Social prescribing champions" })).toBeVisible();
  await expect(grace.getByRole("heading", { name: "Discussions" })).toHaveCount(0);
  await grace.getByLabel("Message to the workspace's leads (optional)").fill("I support champions across Calder Moor.");
  await grace.getByRole("button", { name: "Request to join" }).click();
  await expect(grace.getByRole("alert")).toContainText("Your request has been sent");
  await expectAccessible(grace);

  // Kiran, a lead of the workspace, approves it from the moderation page.
  const kiran = await personPage(browser, LEAD, `${CHAMPIONS}/moderation`);
  await expect(kiran.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  await kiran.getByRole("button", { name: "Approve Grace Mensah" }).click();
  await expect(kiran.getByRole("alert")).toContainText("Request approved");
  await expectAccessible(kiran);
  const approved = await waitForMail(POSTER, (m) => m.subject === "You have joined the Social prescribing champions workspace");
  expect(approved.text).toContain(`${CHAMPIONS}`);

  // Grace starts a discussion. The patient-data guard holds it first: she takes the NHS number out.
  await visit(grace, CHAMPIONS);
  await grace.getByRole("link", { name: "Start a discussion" }).click();
  await expectAccessible(grace);
  await grace.getByLabel("Title").fill("Wellbeing course places");
  await grace.getByLabel("Your message").fill("Book a place on our paid wellbeing course, 20% off this week. Ref 943 476 5919.");
  await grace.getByRole("button", { name: "Post" }).click();
  await expect(grace.getByText("We have not published your post yet")).toBeVisible();
  await expectAccessible(grace);
  await grace.getByLabel("Your message").fill("Book a place on our paid wellbeing course, 20% off this week.");
  await grace.getByRole("button", { name: "Post" }).click();
  await expect(grace.getByRole("heading", { level: 1, name: "Wellbeing course places" })).toBeVisible();
  await expectAccessible(grace);
  const threadUrl = grace.url();

  // Siân, another member, reports it as advertising.
  const sian = await personPage(browser, REPORTER, new URL(threadUrl).pathname);
  await sian.getByRole("link", { name: "Report the post by Grace Mensah" }).click();
  await expectAccessible(sian);
  await sian.getByRole("radio", { name: "Advertising or selling services" }).check();
  await sian.getByRole("button", { name: "Send report" }).click();
  await expect(sian.getByRole("alert")).toContainText("The workspace's leads will look at your report");
  await expectAccessible(sian);

  // Kiran hides it from the moderation queue, then removes Grace from the workspace.
  await visit(kiran, `${CHAMPIONS}/moderation`);
  await expect(kiran.getByRole("heading", { name: "Advertising or selling services: post by Grace Mensah" })).toBeVisible();
  await kiran.getByRole("link", { name: "Hide the post by Grace Mensah" }).click();
  await expectAccessible(kiran);
  await expect(kiran.getByLabel("Why are you hiding this post?")).toHaveValue(/not for advertising or selling/);
  await kiran.getByRole("button", { name: "Hide post" }).click();
  await expect(kiran.getByRole("alert")).toContainText("Post hidden");
  await expectAccessible(kiran);
  await kiran.getByRole("navigation", { name: "Social prescribing champions workspace" }).getByRole("link", { name: "Members" }).click();
  await expectAccessible(kiran);
  await kiran.getByRole("link", { name: "Remove Grace Mensah from the workspace" }).click();
  await expectAccessible(kiran);
  await kiran.getByLabel("Why are you removing them?").fill("Advertising a paid course after being asked not to.");
  await kiran.getByRole("button", { name: "Remove from the workspace" }).click();
  await expect(kiran.getByRole("alert")).toContainText("Member removed from the workspace");
  await expectAccessible(kiran);

  // Grace is emailed both decisions, and the workspace now shows her why she cannot read it.
  const hidden = await waitForMail(POSTER, (m) => m.subject === "Your post in the Social prescribing champions workspace has been hidden");
  expect(hidden.text).toContain("not for advertising or selling");
  const removed = await waitForMail(POSTER, (m) => m.subject === "You have been removed from the Social prescribing champions workspace");
  expect(removed.text).toContain("Advertising a paid course after being asked not to.");
  await visit(grace, CHAMPIONS);
  await expect(grace.getByText("The workspace's leads removed you from this workspace")).toBeVisible();
  const response = await grace.goto(threadUrl);
  expect(response?.status()).toBe(404);
});

test("staff create a workspace and appoint its lead; a lead's pages pass an accessibility scan", async ({ page }) => {
  // A second admin (a demo member given the role), so this test leaves demo.admin's sign-ins to admin.spec.
  const staff = "aisha.rahman@nhs.net";
  grantAdmin(staff);
  await signIn(page, staff, { redirectTo: "/admin/workspaces" });
  await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Create a workspace" }).click();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("link", { name: "Enter the workspace's name" })).toBeVisible();
  await expectAccessible(page);
  const slug = `north-east-${Date.now()}`;
  await page.getByLabel("Name").fill("North East and North Cumbria");
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("Description").fill("Link workers from Northumberland to Teesside.");
  await page.getByRole("radio", { name: "Regional" }).check();
  await page.getByRole("radio", { name: "Open" }).check();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("alert")).toContainText("Workspace created");
  await expectAccessible(page);
  await page.getByLabel("Appoint a lead").fill("tom.okafor@nhs.net");
  await page.getByRole("button", { name: "Appoint lead" }).click();
  await expect(page.getByRole("alert")).toContainText("Lead appointed");
  await expect(page.getByRole("link", { name: "Tom Okafor" })).toBeVisible();

  // As an admin, Aisha leads every workspace: the London lead's pages, each scanned.
  await visit(page, "/workspaces/london");
  await page.getByRole("link", { name: "Keeping a community directory up to date" }).click();
  await expectAccessible(page);
  await visit(page, "/workspaces/london/moderation");
  await expect(page.getByRole("heading", { name: "Advertising or selling services: post by Daniel Reid" })).toBeVisible();
  for (const tab of ["Resources", "Members", "Rules"]) {
    await page.getByRole("navigation", { name: "London workspace" }).getByRole("link", { name: tab }).click();
    await expect(page.getByRole("heading", { level: 1, name: tab })).toBeVisible();
    await expectAccessible(page);
  }
  await page.getByRole("navigation", { name: "London workspace" }).getByRole("link", { name: "Resources" }).click();
  await page.getByLabel("Title").fill("Borough directory");
  await page.getByLabel("Web address").fill("https://example.org/directory");
  await page.getByRole("button", { name: "Add resource" }).click();
  await expect(page.getByRole("link", { name: "Borough directory" })).toHaveAttribute("rel", "nofollow ugc noopener");
  await expectAccessible(page);
  // A file instead: a program named .pdf is refused by its content, a real PDF is listed and downloads.
  await page.getByLabel("Title").fill("Referral form");
  // Each choice's field shows under it only once chosen (the NHS.UK conditional reveal; without JavaScript both show).
  await expect(page.getByLabel("File (for a file)")).toBeHidden();
  await page.getByRole("radio", { name: "A file" }).check();
  await expect(page.getByLabel("File (for a file)")).toBeVisible();
  await expect(page.getByLabel("Web address (for a link)")).toBeHidden();
  await page.getByLabel("File (for a file)").setInputFiles({ name: "form.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\u0090\u0000not really a pdf") });
  await page.getByRole("button", { name: "Add resource" }).click();
  await expect(page.getByRole("link", { name: /^The selected file must be a PDF, Word/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("File (for a file)").setInputFiles({ name: "form.pdf", mimeType: "application/pdf", buffer: onePagePdf("Referral form", []) });
  await page.getByRole("button", { name: "Add resource" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Referral form/ }).click();
  expect((await download).suggestedFilename()).toBe("form.pdf");

  // Her own thread: change it (leads then see the earlier version) and open its history.
  await visit(page, "/workspaces/london/new");
  await page.getByLabel("Title").fill("Staff test thread");
  await page.getByLabel("Your message").fill("First **version**");
  await page.getByRole("button", { name: "Post" }).click();
  await page.getByRole("link", { name: "Change your post" }).click();
  await expectAccessible(page);
  await page.getByLabel("Your message").fill("Second version");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Your changes have been saved");
  await page.getByRole("link", { name: /Earlier versions/ }).click();
  await expect(page.getByText("First **version**")).toBeVisible();
  await expectAccessible(page);
});
