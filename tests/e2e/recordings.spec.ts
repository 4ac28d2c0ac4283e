import { expect, test } from "@playwright/test";
import { generatedCaptions, onePagePdf } from "../../app/recordings/demo-files.server";
import { expectAccessible, grantAdmin, signIn, visit, waitForMail } from "./support";

// Demo people of their own, so these journeys stay inside other tests' sign-in limits: a second admin,
// and a member who registered for the demo's past "Supporting carers" webinar and asked for event emails.
const STAFF = "aisha.rahman@nhs.net";
const MEMBER = "daniel.reid@nhs.net";
const RECORDING = "Supporting carers: what link workers can offer";
test.beforeAll(() => grantAdmin(STAFF));

test("staff add captions and slides to a past webinar's recording and publish it; a member finds it, reads the transcript and downloads the slides", async ({ page, browser }) => {
  test.setTimeout(90_000);

  // Signed out, the library explains itself and offers to sign in and come back.
  await visit(page, "/recordings?q=carers");
  await expect(page.getByRole("heading", { level: 1, name: "Recordings are for network members" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toHaveAttribute("href", "/sign-in?redirectTo=%2Frecordings%3Fq%3Dcarers");

  await signIn(page, STAFF, { redirectTo: "/admin/recordings" });
  await expectAccessible(page);
  await expect(page.getByRole("row", { name: new RegExp(RECORDING) })).toContainText("a captions file (WebVTT) for the video");
  await page.getByRole("link", { name: RECORDING }).click();
  await expect(page.getByRole("heading", { level: 1, name: RECORDING })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expectAccessible(page);

  // A caption file with a mistake is refused with its line, shown without leaving the page.
  await page.getByRole("link", { name: "Upload captions" }).click();
  await expectAccessible(page);
  const broken = "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nWelcome, everyone.\n\n00:00:05.000 -> 00:00:09.000\nThis arrow is wrong.\n";
  await page.getByLabel("Captions file").setInputFiles({ name: "carers.vtt", mimeType: "text/vtt", buffer: Buffer.from(broken) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert")).toContainText("Line 7: Cue identifier needs to be followed by timestamp.");
  await expectAccessible(page);

  const captions = generatedCaptions({
    durationSeconds: 2700,
    speakers: ["Grace Mensah"],
    lines: ["Many carers do not see themselves as carers.", "Respite can be a few hours a week, and it matters to families."],
  });
  await page.getByLabel("Captions file").setInputFiles({ name: "carers.vtt", mimeType: "text/vtt", buffer: Buffer.from(captions) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("Captions uploaded. They passed the WebVTT check.")).toBeVisible();

  await page.getByRole("link", { name: "Upload slides" }).click();
  await page.getByLabel("Summary of the slides").fill("Two slides: who counts as a carer, and where carers can get a break.");
  await page.getByLabel("Slides file").setInputFiles({ name: "carers.pdf", mimeType: "application/pdf", buffer: onePagePdf("Supporting carers", ["Carers' assessments", "Respite"]) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("Slides uploaded.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/^Published: members can now watch it\. We have emailed \d+ registrants?\./)).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(MEMBER, (message) => message.subject === `Recording available: ${RECORDING}`);
  expect(mail.text).toMatch(/\/recordings\/\d+/);

  // The member, in a browser of their own.
  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, MEMBER, { redirectTo: "/recordings" });
  await expectAccessible(member);
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
  await context.close();
});
