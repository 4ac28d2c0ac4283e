import { z } from "zod";
import { AUDIENCES, SECTION_IDS, type Audience } from "./sections";

/** YAML reads an unquoted 2026-11-20 as a Date at UTC midnight; a quoted one stays a string. */
const calendarDay = z
  .union([z.date(), z.iso.date()], { error: "must be a date written as YYYY-MM-DD" })
  .transform((value, ctx) => {
    if (typeof value === "string") return value;
    if (Number.isNaN(value.getTime())) {
      ctx.addIssue({ code: "custom", message: "must be a real date written as YYYY-MM-DD" });
      return z.NEVER;
    }
    return value.toISOString().slice(0, 10);
  });

const audience = z.enum(Object.keys(AUDIENCES) as [Audience, ...Audience[]]);

/** Related pages are other content: a guidance page or a question on /faq. */
export const RELATED_LINK = /^\/(guidance\/[a-z0-9-]+|faq#[a-z0-9-]+)$/;

const common = {
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(10).max(300),
  section: z.enum(SECTION_IDS),
  order: z.number().int().min(0),
  lastReviewed: calendarDay,
  audience: z.array(audience).min(1),
};

// Strict, so a misspelt key fails instead of being silently ignored.
export const faqFrontmatter = z.strictObject(common);

export const guidanceFrontmatter = z.strictObject({
  ...common,
  related: z
    .array(z.string().regex(RELATED_LINK, "must be /guidance/<slug> or /faq#<question>"))
    .default([]),
});

export type FaqFrontmatter = z.output<typeof faqFrontmatter>;
export type GuidanceFrontmatter = z.output<typeof guidanceFrontmatter>;
