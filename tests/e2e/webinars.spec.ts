import type { Page } from "@playwright/test";
import ICAL from "ical.js";
import { codeFrom, expect, expectAccessible, forChallenge, grantAdmin, joinedMember, SIGN_IN_SUBJECT, test, visit, waitForMail } from "./support";

/** UK date and time parts of an instant, as staff type them. */
function ukParts(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { day: parts.day as string, month: parts.month as string, year: parts.year as string, time: `${parts.hour}:${parts.minute}` };
}

/** The passwordless sign-in from the sign-in page the browser is on, as a person does it. */
async function finishSignIn(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(email, forChallenge(new URL(page.url()).pathname, SIGN_IN_SUBJECT));
  await page.getByLabel("Code from the email").fill(codeFrom(mail));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}

test("a member registers, staff approve, the joining link arrives and its button opens the meeting", async ({ page, browser, accounts }) => {
  test.setTimeout(90_000);
  // Fresh people, so tests running alongside change nothing here: one given the admin role, one member.
  const staffEmail = await joinedMember();
  grantAdmin(staffEmail);
  const memberEmail = await joinedMember();
  // Starts in 20 minutes: the Join button already works, and links for today are already due, so the
  // approval sends the joining link at once.
  const stamp = Date.now();
  const startsAt = new Date(Math.ceil((stamp + 20 * 60_000) / 60_000) * 60_000);
  const when = ukParts(startsAt);
  const title = `Peer support in practice ${stamp}`;
  const meetingUrl = `https://meeting.example.org/e2e-${stamp}`;

  // Staff set the webinar up.
  const staffContext = await browser.newContext();
  await accounts.signIn(staffContext, staffEmail);
  const staff = await staffContext.newPage();
  await visit(staff, "/admin/webinars/new");
  await staff.getByRole("radio", { name: "One webinar" }).check();
  await staff.getByLabel("Title").fill(title);
  await staff.getByLabel("Description").fill("Link workers share how they run peer support groups.");
  await staff.getByLabel("Day", { exact: true }).fill(when.day);
  await staff.getByLabel("Month", { exact: true }).fill(when.month);
  await staff.getByLabel("Year", { exact: true }).fill(when.year);
  await staff.getByLabel("Start time (UK time)").fill(when.time);
  await staff.getByLabel("Teams or Zoom meeting link").fill(meetingUrl);
  await staff.getByRole("button", { name: "Set it up" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(staff);
  const webinarId = /\/admin\/webinars\/(\d+)/.exec(staff.url())?.[1];
  expect(webinarId).toBeTruthy();

  // A signed-out visitor presses Register, signs in, and comes back to finish with one click.
  await visit(page, "/webinars");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText("meeting.example.org")).toHaveCount(0);
  await page.getByRole("link", { name: "Register", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?redirectTo=%2Fwebinars%2F${webinarId}%2Fregister$`));
  await expectAccessible(page);
  await finishSignIn(page, memberEmail);
  await expect(page.getByRole("heading", { level: 1, name: "Register for this webinar" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You have registered.")).toBeVisible();
  await expect(page.getByText("Waiting for approval")).toBeVisible();
  await expectAccessible(page);
  // The banner came in a one-time flash, not the address: a reload no longer shows it.
  await expect(page).toHaveURL(new RegExp(`/webinars/${webinarId}$`));
  await page.reload();
  await expect(page.getByText("Waiting for approval")).toBeVisible();
  await expect(page.getByText("You have registered.")).toHaveCount(0);
  await waitForMail(memberEmail, (m) => m.subject === `We have your registration: ${title}`);

  // Staff approve it.
  await visit(staff, `/admin/webinars/${webinarId}?status=pending`);
  await staff.getByRole("checkbox", { name: "Select Alex Example" }).check();
  await staff.getByRole("button", { name: "Approve selected" }).click();
  await expect(staff.getByText("1 person given a place")).toBeVisible();
  await expect(staff).toHaveURL(new RegExp(`/admin/webinars/${webinarId}\\?status=pending$`));
  await expectAccessible(staff);

  // The approval email links to the calendar file, which a strict parser reads at the right instant.
  const approval = await waitForMail(memberEmail, (m) => m.subject === `Your place is confirmed: ${title}`);
  const calendarUrl = /https?:\/\/\S+\/webinars\/\d+\/calendar\.ics/.exec(approval.text)?.[0];
  expect(calendarUrl).toBeTruthy();
  const calendarFile = await (await page.request.get(calendarUrl as string)).text();
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(calendarFile)).getFirstSubcomponent("vevent")!);
  expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
  expect(calendarFile).not.toContain(meetingUrl);
  expect(approval.text).not.toContain(meetingUrl);
  // The same file is attached, for adding it in one click.
  expect(approval.attachments).toHaveLength(1);
  expect(approval.attachments[0]).toMatchObject({ contentType: "text/calendar", params: { method: "PUBLISH" } });
  expect(Buffer.from(approval.attachments[0]!.base64, "base64").toString("utf8")).toBe(calendarFile);

  // Then the joining-link email, with the personal link.
  const linkMail = await waitForMail(memberEmail, (m) => m.subject === `Your joining link: ${title}`);
  const joiningLink = /https?:\/\/\S+\/j\/[a-z2-7]+/.exec(linkMail.text)?.[0] as string;
  expect(joiningLink).toBeTruthy();
  expect(linkMail.text).not.toContain(meetingUrl);

  // Three plain GETs, as a mail scanner makes, record nothing.
  const scanner = await browser.newContext();
  for (let i = 0; i < 3; i += 1) expect((await scanner.request.get(joiningLink)).status()).toBe(200);
  await scanner.close();
  const attendance = async () => (await staff.request.get(`/admin/webinars/${webinarId}/registrations.csv`)).text();
  expect(await attendance()).toMatch(/"Alex Example".*"Approved".*,"","0"\r\n/);

  // The member's own page has the Join button; it records attendance and hands over to the meeting.
  await visit(page, new URL(joiningLink).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "Join the webinar" })).toBeVisible();
  await expect(page.getByText("This link is for Alex Example.")).toBeVisible();
  // The button records attendance and answers with the meeting link: a page saying so, whose Refresh header
  // takes the browser there. The tests stay offline, so the header and the link are checked, not followed.
  const joinPath = new URL(joiningLink).pathname;
  let refresh: string | undefined;
  await page.route(`**${joinPath}`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    const { refresh: header, ...headers } = response.headers();
    refresh = header;
    await route.fulfill({ response, headers });
  });
  await page.getByRole("button", { name: "Join the webinar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Opening the webinar" })).toBeVisible();
  expect(refresh).toBe(`0; url=${meetingUrl}`);
  await expect(page.getByRole("link", { name: "open the webinar" })).toHaveAttribute("href", meetingUrl);
  await expectAccessible(page);
  expect(await attendance()).toMatch(/"Alex Example".*"Approved".*,"\d+ \w+ \d{4} at [^"]+","1"\r\n/);
  await staffContext.close();
});
