import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/db.server";
import { decideDomain, domainRefusalMessage } from "~/membership/domain-policy.server";
import { emailAddressField } from "~/membership/email-address";
import { clearDatabase, testDatabase } from "../support/database";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(() => clearDatabase(database));

/** The whole policy as a joiner meets it: the form's format check, then the domain decision. */
async function outcomeFor(typed: string): Promise<string> {
  const parsed = emailAddressField.safeParse(typed);
  if (!parsed.success) return `invalid: ${parsed.error.issues[0]!.message}`;
  const decision = await decideDomain(parsed.data);
  return decision.outcome === "refused" ? `refused: ${decision.reason}` : decision.outcome;
}

const local64 = "a".repeat(64);
const cases: Array<[string, string]> = [
  // personal webmail
  ["someone@gmail.com", "refused: personal"],
  ["someone@googlemail.com", "refused: personal"],
  ["someone@hotmail.co.uk", "refused: personal"],
  ["someone@outlook.com", "refused: personal"],
  ["someone@live.co.uk", "refused: personal"],
  ["someone@yahoo.com", "refused: personal"],
  ["someone@icloud.com", "refused: personal"],
  ["someone@aol.com", "refused: personal"],
  ["someone@proton.me", "refused: personal"],
  ["someone@protonmail.com", "refused: personal"],
  // personal webmail missing from the package's list, in our own
  ["someone@gmx.co.uk", "refused: personal"],
  ["someone@fastmail.com", "refused: personal"],
  ["someone@tutanota.com", "refused: personal"],
  ["someone@tuta.io", "refused: personal"],
  ["someone@plus.com", "refused: personal"],
  ["someone@username.plus.com", "refused: personal"],
  ["someone@outlook.co.uk", "refused: personal"],
  // and a look-alike of one is not
  ["x@notplus.com", "review"],
  // disposable
  ["someone@mailinator.com", "refused: disposable"],
  ["someone@guerrillamail.com", "refused: disposable"],
  ["someone@10minutemail.com", "refused: disposable"],
  ["someone@anything.33mail.com", "refused: disposable"],
  // trusted: NHS and government, including subdomains
  ["x@nhs.net", "trusted"],
  ["x@nhs.uk", "trusted"],
  ["x@somehospital.nhs.uk", "trusted"],
  ["x@ward.somehospital.nhs.uk", "trusted"],
  ["x@council.gov.uk", "trusted"],
  ["x@leeds.gov.uk", "trusted"],
  // on the disposable list by mistake, but trusted wins
  ["x@berkshirehealthcare.nhs.uk", "trusted"],
  ["x@news.hackney.gov.uk", "trusted"],
  // look-alikes are not trusted
  ["x@nhs.net.example.com", "review"],
  ["x@notnhs.net", "review"],
  ["x@fakegov.uk", "review"],
  // other organisations wait for review
  ["x@ageuk.org.uk", "review"],
  ["x@riverside-cvs.org.uk", "review"],
  ["x@university.ac.uk", "review"],
  // normalised before checking
  ["  Alex.Example@NHS.NET  ", "trusted"],
  ["Someone@GMail.com", "refused: personal"],
  // malformed and overlong
  ["", "invalid: Enter your email address"],
  ["   ", "invalid: Enter your email address"],
  ["not-an-email", "invalid: Enter an email address in the correct format, like name@nhs.net"],
  ["x@nhs", "invalid: Enter an email address in the correct format, like name@nhs.net"],
  ["x@@nhs.net", "invalid: Enter an email address in the correct format, like name@nhs.net"],
  ["x..y@nhs.net", "invalid: Enter an email address in the correct format, like name@nhs.net"],
  ["alex example@nhs.net", "invalid: Email address must not contain spaces"],
  [`${local64}@nhs.net`, "trusted"],
  [`${local64}a@nhs.net`, "invalid: The part of the email address before the @ must be 64 characters or fewer"],
  [`x@${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(60)}.nhs.uk`, "invalid: Email address must be 254 characters or fewer"],
];

describe("domain policy", () => {
  it.each(cases)("%s → %s", async (typed, expected) => {
    expect(await outcomeFor(typed)).toBe(expected);
  });

  it("keeps the longest allowed address (254 characters)", async () => {
    const address = `${local64}@${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(54)}.nhs.uk`;
    expect(address).toHaveLength(254);
    expect(await outcomeFor(address)).toBe("trusted");
  });

  it("lets staff overrides win over the lists and the trusted domains, most specific first", async () => {
    const at = new Date().toISOString();
    await database
      .insertInto("domain_overrides")
      .values([
        { domain: "ageuk.org.uk", policy: "allow", note: null, created_at: at, created_by: null },
        { domain: "gmail.com", policy: "allow", note: null, created_at: at, created_by: null },
        { domain: "example-trust.nhs.uk", policy: "refuse", note: null, created_at: at, created_by: null },
        { domain: "partner.org.uk", policy: "refuse", note: null, created_at: at, created_by: null },
        { domain: "team.partner.org.uk", policy: "allow", note: null, created_at: at, created_by: null },
      ])
      .execute();
    expect(await outcomeFor("x@ageuk.org.uk")).toBe("trusted");
    expect(await outcomeFor("x@london.ageuk.org.uk")).toBe("trusted");
    expect(await outcomeFor("x@gmail.com")).toBe("trusted");
    expect(await outcomeFor("x@example-trust.nhs.uk")).toBe("refused: override");
    expect(await outcomeFor("x@ward.example-trust.nhs.uk")).toBe("refused: override");
    expect(await outcomeFor("x@other-trust.nhs.uk")).toBe("trusted");
    expect(await outcomeFor("x@partner.org.uk")).toBe("refused: override");
    expect(await outcomeFor("x@team.partner.org.uk")).toBe("trusted");
  });

  it("explains a refusal: why, what to do without a work address, and whom to contact", () => {
    for (const reason of ["personal", "disposable", "override"] as const) {
      const message = domainRefusalMessage(reason);
      expect(message).toContain("work email address");
      expect(message).toContain("ask your PCN or supervisor for an NHSmail account");
      expect(message).toContain("network@spn.example.org");
    }
    expect(domainRefusalMessage("personal")).toContain("personal email address");
    expect(domainRefusalMessage("disposable")).toContain("disposable");
  });
});
