import type { APIRequestContext, Page } from "@playwright/test";
import { codeFrom, expect, expectAccessible, joinedMember, linkFrom, signIn, SIGN_IN_SUBJECT, test, uniqueEmail, visit, waitForMail } from "./support";

async function fillJoinForm(page: Page, email: string) {
  await page.getByLabel("Full name").fill("Alex Example");
  await page.getByLabel("Work email address").fill(email);
  await page.getByRole("textbox", { name: "Organisation" }).fill("Riverside PCN");
  await page.getByRole("radio", { name: "Social prescribing link worker" }).check();
  await page.getByRole("radio", { name: "North West" }).check();
}

/** Signs out with the header's button and waits until the page shows it. */
async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("joining with an nhs.net address: confirm from the email's link and land signed in", async ({ page }) => {
  const email = uniqueEmail("nhs.net");
  await visit(page, "/join");
  await fillJoinForm(page, email);
  await page.getByRole("checkbox", { name: "Green social prescribing" }).check();
  await page.getByRole("checkbox", { name: "Send me the monthly bulletin" }).check();
  await page.getByRole("button", { name: "Join the network" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We have sent an email to ${email.toLowerCase()}`)).toBeVisible();
  await expectAccessible(page);

  const mail = await waitForMail(email, (m) => m.subject === "Confirm your email address to join the Social Prescribing Network");
  expect(mail.text).toContain("Dear Alex Example");
  await visit(page, linkFrom(mail));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm and join" }).click();
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByText("You are a member and you are signed in, Alex Example")).toBeVisible();
  await expect(page.getByRole("link", { name: "Your account" })).toBeVisible();
  await expectAccessible(page);
});

test("opening the emailed link any number of times (as mail scanners do) changes nothing", async ({ page, request }) => {
  const email = uniqueEmail("nhs.net");
  await visit(page, "/join");
  await fillJoinForm(page, email);
  await page.getByRole("button", { name: "Join the network" }).click();
  const mail = await waitForMail(email, (m) => m.subject.startsWith("Confirm your email address"));
  for (let i = 0; i < 3; i++) {
    const response = await request.get(linkFrom(mail));
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  }
  // The code still works afterwards.
  await page.getByLabel("Code from the email").fill(codeFrom(mail));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to the network" })).toBeVisible();
  // …once.
  await visit(page, linkFrom(mail));
  await expect(page.getByText("This link and code have already been used")).toBeVisible();
  // Signed in by it already, so there is nothing to ask for.
  await expect(page.getByRole("link", { name: "Go to your account" })).toBeVisible();
});

test("a gmail address is refused, with the reason in the error summary and by the field", async ({ page }) => {
  await visit(page, "/join");
  await fillJoinForm(page, "alex.example@gmail.com");
  await page.getByRole("button", { name: "Join the network" }).click();

  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /You cannot join with a personal email address/ })).toBeVisible();
  await expect(page.locator(".nhsuk-error-summary")).toBeFocused();
  await expect(page.locator("#join-email-error")).toContainText("ask your PCN or supervisor for an NHSmail account");
  await expect(page.locator("#join-email-error")).toContainText("network@spn.example.org");
  await expect(page.getByLabel("Work email address")).toHaveValue("alex.example@gmail.com");
  await expectAccessible(page);

  await summary.getByRole("link").first().click();
  await expect(page.getByLabel("Work email address")).toBeFocused();
});

test("joining with an organisational address we do not know ends pending, with an explanation", async ({ page }) => {
  const email = uniqueEmail("ageuk.org.uk");
  await visit(page, "/join");
  await fillJoinForm(page, email);
  await page.getByRole("button", { name: "Join the network" }).click();
  const mail = await waitForMail(email, (m) => m.subject.startsWith("Confirm your email address"));
  await page.getByLabel("Code from the email").fill(codeFrom(mail));
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/join\/pending$/);
  await expect(page.getByRole("heading", { level: 1, name: "Email address confirmed" })).toBeVisible();
  await expect(page.getByText("one of our staff will check your request")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // Trying to sign in meanwhile sends an email saying so, not a code.
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const notice = await waitForMail(email, (m) => m.subject === "Your request to join the Social Prescribing Network");
  expect(notice.text).toContain("waiting for review");
});

test("signing in with a code typed into the form, then signing out", async ({ page, context }) => {
  const email = await joinedMember({ domain: "council.gov.uk" });

  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(email, (m) => m.subject === SIGN_IN_SUBJECT);

  // A wrong code is explained by the field; the right one signs in.
  const code = codeFrom(mail);
  await page.getByLabel("Code from the email").fill(code === "000000" ? "000001" : "000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#code-code-error")).toContainText("The code is not right");
  await expect(page.locator("#code-code-error")).toContainText("You can try 4 more times");
  await expectAccessible(page);
  await page.getByLabel("Code from the email").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  const cookie = (await context.cookies()).find((c) => c.name === "spn_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "spn_session")).toBeUndefined();

  // The old cookie is dead on the server too, not just removed from the browser.
  await context.addCookies([{ ...cookie!, expires: -1 }]);
  await page.goto("/welcome");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fwelcome$/);
});

test("sign-in takes a member back where they were going, and the helper signs in", async ({ page }) => {
  const email = await joinedMember();

  await page.goto("/welcome");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fwelcome$/);
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  const mail = await waitForMail(email, (m) => m.subject === SIGN_IN_SUBJECT);
  await visit(page, linkFrom(mail));
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the Social Prescribing Network" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/welcome$/);

  await signOut(page);
  await signIn(page, email, { redirectTo: "/welcome" });
  await expect(page).toHaveURL(/\/welcome$/);
});

test("/sign-out does nothing on a GET: it offers a button, and only the button signs out", async ({ page, context }) => {
  await joinedMember({ signedIn: context });
  await visit(page, "/sign-out");
  await expect(page.getByRole("heading", { level: 1, name: "Sign out" })).toBeVisible();
  await page.goto("/welcome");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  await page.goto("/sign-out");
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/welcome");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fwelcome$/);
});

test.describe("no account enumeration", () => {
  /** The page a form leads to, with what differs per request anyway (nonces, ids, the address) blanked. */
  async function pageAfterPosting(request: APIRequestContext, path: string, form: Record<string, string>) {
    const posted = await request.post(path, { form, maxRedirects: 0 });
    const location = posted.headers()["location"] ?? "";
    const page = await request.get(location);
    const body = (await page.text())
      .replaceAll(form.email!, "EMAIL")
      .replace(/nonce="[^"]+"/g, 'nonce=""')
      .replace(/\/verify\/[a-z0-9]+/g, "/verify/ID");
    return { status: posted.status(), location: location.replace(/[a-z0-9]+$/, "ID"), pageStatus: page.status(), body };
  }

  test("sign-in answers a member and a stranger with the same page", async ({ request }) => {
    const member = await joinedMember();
    const forMember = await pageAfterPosting(request, "/sign-in", { email: member });
    const forStranger = await pageAfterPosting(request, "/sign-in", { email: uniqueEmail("nhs.net") });
    expect(forMember.status).toBe(302);
    expect(forMember).toEqual(forStranger);
  });

  test("joining answers an existing member and a newcomer with the same page", async ({ request }) => {
    const member = await joinedMember();
    const details = { fullName: "Alex Example", organisation: "Riverside PCN", jobRole: "link-worker", region: "london" };
    const forMember = await pageAfterPosting(request, "/join", { ...details, email: member });
    const forNewcomer = await pageAfterPosting(request, "/join", { ...details, email: uniqueEmail("nhs.net") });
    expect(forMember.status).toBe(302);
    expect(forMember).toEqual(forNewcomer);
    // The member was sent a sign-in code, not a second account.
    await waitForMail(member, (m) => m.subject === SIGN_IN_SUBJECT);
  });
});

const REQUIRED_MESSAGES = [
  "Enter your full name",
  "Enter your email address",
  "Enter the name of your organisation",
  "Select your job role",
  "Select your NHS England region",
];

test("an empty joining form lists every missing answer, accessibly", async ({ page }) => {
  await visit(page, "/join");
  await page.getByRole("button", { name: "Join the network" }).click();
  const summary = page.getByRole("alert");
  for (const message of REQUIRED_MESSAGES) await expect(summary.getByRole("link", { name: message })).toBeVisible();
  await expect(page.locator("#join-jobRole-error")).toContainText("Select your job role");
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the joining form is checked on the server, keeping what was typed", async ({ page }) => {
    // axe needs JavaScript in the page, so these server-rendered states are scanned in the test below.
    expect((await page.goto("/join"))?.status()).toBe(200);
    await page.getByRole("button", { name: "Join the network" }).click();
    const summary = page.getByRole("alert");
    for (const message of REQUIRED_MESSAGES) await expect(summary.getByRole("link", { name: message })).toBeVisible();

    await page.getByLabel("Full name").fill("Alex Example");
    await page.getByLabel("Work email address").fill("alex@@nhs.net");
    await page.getByRole("button", { name: "Join the network" }).click();
    await expect(page.locator("#join-email-error")).toContainText("Enter an email address in the correct format");
    await expect(page.getByLabel("Full name")).toHaveValue("Alex Example");

    const email = uniqueEmail("nhs.net");
    await fillJoinForm(page, email);
    await page.getByRole("button", { name: "Join the network" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    const mail = await waitForMail(email, (m) => m.subject.startsWith("Confirm your email address"));
    await page.getByLabel("Code from the email").fill(codeFrom(mail));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Welcome to the network" })).toBeVisible();
  });
});

test("the privacy notice says what we keep, why, for how long, and how to leave", async ({ page }) => {
  await visit(page, "/join");
  await page.getByRole("link", { name: "privacy notice", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  for (const heading of ["What we keep", "Why we keep it", "How long we keep it", "How to leave"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expectAccessible(page);
});

test("changing email address: a code to the new address, then sign in with it", async ({ page, context }) => {
  const oldEmail = await joinedMember({ signedIn: context });
  const newEmail = uniqueEmail("somehospital.nhs.uk");
  await visit(page, "/account/email");
  await page.getByLabel("New work email address").fill("me@yahoo.com");
  await page.getByRole("button", { name: "Send a code to the new address" }).click();
  await expect(page.locator("#change-email-email-error")).toContainText("personal email address");
  await expectAccessible(page);

  await page.getByLabel("New work email address").fill(newEmail);
  await page.getByRole("button", { name: "Send a code to the new address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(newEmail, (m) => m.subject.startsWith("Confirm your new email address"));
  await page.getByLabel("Code from the email").fill(codeFrom(mail));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Email address changed" })).toBeVisible();
  await expectAccessible(page);
  const notice = await waitForMail(oldEmail, (m) => m.subject === "Your Social Prescribing Network email address has changed");
  expect(notice.text).toContain(newEmail.toLowerCase());

  await signOut(page);
  await signIn(page, newEmail, { redirectTo: "/welcome" });
});

test("too many sign-in requests for one address are refused with how long to wait", async ({ page, request }) => {
  const email = uniqueEmail("nhs.net");
  for (let i = 0; i < 5; i++) {
    expect((await request.post("/sign-in", { form: { email }, maxRedirects: 0 })).status()).toBe(302);
  }
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /too many emails in a short time\. Try again in 15 minutes/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});
