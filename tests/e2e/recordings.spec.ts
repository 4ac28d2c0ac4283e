import { generatedCaptions } from "../../app/recordings/demo-files.server";
import { onePagePdf } from "../../app/files/generated-pdf.server";
import { expect, expectAccessible, grantAdmin, joinedMember, test, visit, waitForMail } from "./support";

// The demo's past "Supporting carers" webinar has a recording waiting for captions; the demo member had a
// place at it and asked for event emails. Staff are a fresh member given the admin role, so this journey
// spends nobody else's sign-in limits; at a council address, so staff-tools.spec's count of nhs.net members
// stays on one page.
const MEMBER = "demo.member@nhs.net";
const RECORDING = "Supporting carers: what link workers can offer";
const WEBINAR = "Supporting carers";
const STAFF_DOMAIN = "council.gov.uk";

test("staff add captions and slides to a past webinar's recording and publish it; a member finds it, reads the transcript and downloads the slides", async ({ page, browser, accounts }) => {
  test.setTimeout(90_000);
  const staffEmail = await joinedMember({ domain: STAFF_DOMAIN });
  grantAdmin(staffEmail);

  // Signed out, the library is refused (403) with a page that explains it and offers to sign in and come back.
  await visit(page, "/recordings?q=carers", 403);
  await expect(page.getByRole("heading", { level: 1, name: "Recordings are for network members" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toHaveAttribute("href", "/sign-in?redirectTo=%2Frecordings%3Fq%3Dcarers");

  // Before publishing, the webinar's page says the recording usually follows within a few days.
  const memberContext = await browser.newContext();
  await accounts.signIn(memberContext, MEMBER);
  const member = await memberContext.newPage();
  await visit(member, "/webinars/past");
  await member.getByRole("link", { name: WEBINAR, exact: true }).click();
  await expect(member.getByRole("heading", { level: 2, name: "Recording" })).toBeVisible();
  await expect(member.getByText("recordings usually follow within a few days of the webinar")).toBeVisible();
  const webinarPath = new URL(member.url()).pathname;

  const staffContext = await browser.newContext();
  await accounts.signIn(staffContext, staffEmail);
  const staff = await staffContext.newPage();
  await visit(staff, "/admin/recordings");
  await expect(staff.getByRole("row", { name: new RegExp(RECORDING) })).toContainText("a captions file (WebVTT) for the video");
  await staff.getByRole("link", { name: RECORDING }).click();
  await expect(staff.getByRole("heading", { level: 1, name: RECORDING })).toBeVisible();
  await expect(staff.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expectAccessible(staff);

  // A caption file with a mistake is refused with its line, shown by the field without leaving the page.
  await staff.getByRole("link", { name: "Upload captions" }).click();
  await expectAccessible(staff);
  const broken = "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nWelcome, everyone.\n\n00:00:05.000 -> 00:00:09.000\nThis arrow is wrong.\n";
  await staff.getByLabel("Captions file").setInputFiles({ name: "carers.vtt", mimeType: "text/vtt", buffer: Buffer.from(broken) });
  await staff.getByRole("button", { name: "Upload" }).click();
  await expect(staff.getByRole("alert")).toContainText("Line 7: Cue identifier needs to be followed by timestamp.");
  await expect(staff.locator("#file-error")).toContainText("Line 7");
  await expectAccessible(staff);
  // A file over the limit is refused in the browser, before it is sent.
  await staff.getByLabel("Captions file").setInputFiles({ name: "long.vtt", mimeType: "text/vtt", buffer: Buffer.alloc(3 * 1024 * 1024, "a") });
  await staff.getByRole("button", { name: "Upload" }).click();
  await expect(staff.locator("#file-error")).toContainText("The selected file must be smaller than 2 MB");

  const captions = generatedCaptions({
    durationSeconds: 2700,
    speakers: ["Marta Silva"],
    lines: ["Many carers do not see themselves as carers.", "Respite can be a few hours a week, and it matters to families."],
  });
  await staff.getByLabel("Captions file").setInputFiles({ name: "carers.vtt", mimeType: "text/vtt", buffer: Buffer.from(captions) });
  await staff.getByRole("button", { name: "Upload" }).click();
  await expect(staff.getByText("Captions uploaded. They passed the WebVTT check.")).toBeVisible();

  await staff.getByRole("link", { name: "Upload slides" }).click();
  await staff.getByLabel("Summary of the slides").fill("Two slides: who counts as a carer, and where carers can get a break.");
  await staff.getByLabel("Slides file").setInputFiles({ name: "carers.pdf", mimeType: "application/pdf", buffer: onePagePdf("Supporting carers", ["Carers' assessments", "Respite"]) });
  await staff.getByRole("button", { name: "Upload" }).click();
  await expect(staff.getByText("Slides uploaded.")).toBeVisible();
  await expectAccessible(staff);

  await staff.getByRole("button", { name: "Publish" }).click();
  await expect(staff.getByText(/^Published: members can now watch it\. We have emailed \d+ registrants?\./)).toBeVisible();
  await expectAccessible(staff);
  // The banner came from the one-time flash: the address holds nothing, and a reload shows no banner.
  await expect(staff).toHaveURL(/\/admin\/recordings\/\d+$/);
  await staff.reload();
  await expect(staff.getByText(/^Published: members can now watch it/)).toHaveCount(0);
  const mail = await waitForMail(MEMBER, (message) => message.subject === `Recording available: ${RECORDING}`);
  expect(mail.text).toMatch(/\/recordings\/\d+/);
  await staffContext.close();

  // The webinar's page now offers the recording.
  await visit(member, webinarPath);
  await expect(member.getByRole("link", { name: "Watch the recording" })).toHaveAttribute("href", /^\/recordings\/\d+$/);

  // The member finds it by a word said in it.
  await visit(member, "/recordings");
  await member.getByRole("searchbox", { name: "Search recordings" }).fill("respite");
  await member.getByRole("button", { name: "Search" }).click();
  await expect(member).toHaveURL(/\/recordings\?q=respite/);
  await expect(member.getByRole("status")).toContainText("1 recording matches “respite”");
  await expectAccessible(member);
  await member.getByRole("link", { name: RECORDING }).click();
  await expect(member.getByRole("heading", { level: 1, name: RECORDING })).toBeVisible();
  await expect(member.locator("video track[kind=captions]")).toHaveCount(1);
  await member.getByText("Read the transcript").click();
  await expect(member.getByText("Respite can be a few hours a week, and it matters to families.").first()).toBeVisible();
  await expectAccessible(member);

  const [download] = await Promise.all([member.waitForEvent("download"), member.getByRole("link", { name: "Download the slides" }).click()]);
  expect(download.suggestedFilename()).toBe("Supporting carers what link workers can offer - slides.pdf");
  const saved = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
  await memberContext.close();
});

test.describe("without JavaScript", () => {
  // axe is itself a script, so it cannot scan here; the journey above scans the same pages.
  test.use({ javaScriptEnabled: false });

  test("a member watches a demo recording from its webinar's page and reads the transcript; staff uploads are refused by the field", async ({ page, browser, accounts }) => {
    await accounts.signIn(page.context(), MEMBER);
    expect((await page.goto("/webinars/past"))?.status()).toBe(200);
    await page.getByRole("link", { name: "Measuring what matters", exact: true }).click();
    await page.getByRole("link", { name: "Watch the recording" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Measuring what matters" })).toBeVisible();
    await expect(page.locator("video track[kind=captions][srclang=en]")).toHaveCount(1);
    await page.getByText("Read the transcript").click();
    await expect(page.getByText("Ask at the first meeting and again when support ends.").first()).toBeVisible();

    // Staff, without scripts: the plain multipart form answers with the problem by the file field.
    const staffEmail = await joinedMember({ domain: STAFF_DOMAIN });
    grantAdmin(staffEmail);
    const staffContext = await browser.newContext({ javaScriptEnabled: false });
    await accounts.signIn(staffContext, staffEmail);
    const staff = await staffContext.newPage();
    expect((await staff.goto("/admin/recordings"))?.status()).toBe(200);
    await staff.getByRole("link", { name: "Measuring what matters" }).click();
    await staff.getByRole("link", { name: "Replace captions" }).click();
    const tooLarge = Buffer.concat([Buffer.from("WEBVTT\n\n"), Buffer.alloc(Math.round(2.5 * 1024 * 1024), "a")]);
    await staff.getByLabel("Captions file").setInputFiles({ name: "long.vtt", mimeType: "text/vtt", buffer: tooLarge });
    await staff.getByRole("button", { name: "Upload" }).click();
    await expect(staff.locator("#file-error")).toContainText("The selected file must be smaller than 2 MB");
    await staff.getByLabel("Captions file").setInputFiles({ name: "captions.vtt", mimeType: "text/vtt", buffer: onePagePdf("Not captions", []) });
    await staff.getByRole("button", { name: "Upload" }).click();
    await expect(staff.locator("#file-error")).toContainText("The selected file must be a WebVTT captions file (.vtt) (this one is a PDF document)");
    // The summary's link goes to the file field's group.
    await expect(staff.getByRole("alert").getByRole("link")).toHaveAttribute("href", "#file-form-group");
    await staffContext.close();
  });
});
