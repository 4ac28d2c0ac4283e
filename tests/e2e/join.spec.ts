import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, linkFrom, signIn, visit, waitForMail } from "./support";

/** A fresh address per run, so the suite can be run twice against the same servers. */
function uniqueEmail(domain: string): string {
  return `joiner.${Date.now()}.${Math.floor(Math.random() * 1e6)}@${domain}`;
}

async function fillJoinForm(page: Page, email: string) {
  await page.getByLabel("Full name").fill("Alex Example");
  await page.getByLabel("Work email address").fill(email);
  await page.getByRole("textbox", { name: "Organisation" }).fill("Riverside PCN");
  await page.getByRole("radio", { name: "Social prescribing link worker" }).check();
  await page.getByRole("radio", { name: "North West" }).check();
}

test("joining with an nhs.net address: confirm from the email's link and land signed in", async ({ page }) => {
  const email = uniqueEmail("nhs.net");
  await visit(page, "/join");
  await fillJoinForm(page, email);
  await page.getByRole("button", { name: "Join the network" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expectAccessible(page);

  const mail = await waitForMail(email, (m) => m.subject.startsWith("Confirm your email address"));
  await visit(page, linkFrom(mail));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm and join" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to the network" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, email, { redirectTo: "/welcome" });
  await expect(page).toHaveURL(/\/welcome$/);
});
