import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { reasonSchema } from "~/lib/reason-schema";
import { joinSchema } from "~/membership/join-schema";
import { profileSchema } from "~/membership/profile-schema";
import { domainOverrideSchema } from "~/membership/staff-schemas";

/** NUL, other control characters and bidi overrides must never reach the database from a form. */
const NUL = "\u0000";
const BELL = "\u0007";
const ESC = "\u001b";
const C1 = "\u009b";
const RLO = "\u202e";
const LRI = "\u2066";
const PDI = "\u2069";
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

describe("free text from forms is plain text", () => {
  it("strips control characters and bidi overrides from names and organisations on joining", () => {
    const submission = parseWithZod(
      form({
        fullName: `Alex${NUL} ${RLO}Example${BELL}`,
        email: "alex@nhs.net",
        organisation: `${LRI}Riverside${PDI} PCN${ESC}[31m`,
        icbPcn: `Riverside${C1} PCN`,
        jobRole: "link-worker",
        region: "london",
      }),
      { schema: joinSchema },
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.fullName).toBe("Alex Example");
    expect(submission.value.organisation).toBe("Riverside PCN[31m");
    expect(submission.value.icbPcn).toBe("Riverside PCN");
  });

  it("turns a line break in a one-line field into a space, and counts the length after cleaning", () => {
    const submission = parseWithZod(form({ fullName: "Alex\r\nExample", organisation: `${NUL}`.repeat(5) + "Org", jobRole: "link-worker", region: "london" }), {
      schema: profileSchema,
    });
    expect(submission.status === "success" && submission.value).toMatchObject({ fullName: "Alex Example", organisation: "Org" });
  });

  it("a name of only hidden characters is missing, not accepted", () => {
    const submission = parseWithZod(form({ fullName: `${NUL}${RLO} `, organisation: "Org", jobRole: "link-worker", region: "london" }), {
      schema: profileSchema,
    });
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error?.fullName).toEqual(["Enter your full name"]);
  });

  it("keeps line breaks in reasons and notes but strips the rest", () => {
    const reason = parseWithZod(form({ reason: `Line one${NUL}\r\nLine ${RLO}two` }), { schema: reasonSchema("declining") });
    expect(reason.status === "success" && reason.value.reason).toBe("Line one\nLine two");
    const rule = parseWithZod(form({ domain: "example.org.uk", policy: "refuse", note: `Spam${BELL}\nsource ${LRI}x${PDI}` }), {
      schema: domainOverrideSchema,
    });
    expect(rule.status === "success" && rule.value.note).toBe("Spam\nsource x");
  });

  it("leaves ordinary text alone, accents and right-to-left scripts included", () => {
    const name = "Siân Ní Bhriain – محمد";
    const submission = parseWithZod(form({ fullName: name, organisation: "Tŷ Cymru", jobRole: "link-worker", region: "london" }), {
      schema: profileSchema,
    });
    expect(submission.status === "success" && submission.value.fullName).toBe(name);
    expect(HIDDEN.test(name)).toBe(false);
  });
});
