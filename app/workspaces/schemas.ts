import { z } from "zod";
import { markdownText, plainText } from "~/lib/plain-text";
import { tooLargeMessage } from "~/files/upload-rules";
import { BODY_MAX, REPORT_REASONS, TITLE_MAX } from "./options";
import { RESOURCE_FILES } from "./resource-files";

/** The workspace forms' fields and messages (shared by browser and server). */

// Cleaned of control characters and bidi overrides (plainText, markdownText) before any other check, as others read them.
const body = markdownText({ error: "Enter your message" })
  .trim()
  .min(1, "Enter your message")
  .max(BODY_MAX, `Your message must be ${BODY_MAX.toLocaleString("en-GB")} characters or fewer`);

const title = plainText({ error: "Enter a title" })
  .trim()
  .min(1, "Enter a title")
  .max(TITLE_MAX, `The title must be ${TITLE_MAX} characters or fewer`);

/** The box the author ticks when the patient-data guard held their post ("on" when ticked). */
const confirmNotPatientData = z.literal("on").optional();

export const threadSchema = z.object({ title, body, confirmNotPatientData });
export const replySchema = z.object({ body, confirmNotPatientData });
/** A post's fields as one type: an opening post's (title and message) or a reply's (message). */
export const postSchema = z.object({ title: title.optional(), body, confirmNotPatientData });

/**
 * What a post form checks: with a title for a new thread or an edit of an opening post (where a cleared
 * title is an error, not "no change"), without one for a reply or an edit of a reply.
 */
export function postFormSchema(withTitle: boolean) {
  return withTitle ? threadSchema : replySchema;
}

export const reportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS.map((reason) => reason.value) as [string, ...string[]], { error: "Choose why you are reporting this post" }),
    details: z.string().trim().max(1000, "Tell us in 1,000 characters or fewer").optional(),
  })
  .refine((value) => value.reason !== "other" || Boolean(value.details), { path: ["details"], message: "Tell the leads what is wrong with the post" });

export const joinRequestSchema = z.object({
  message: z.string().trim().max(500, "Your message must be 500 characters or fewer").optional(),
});

const httpUrl = z
  .string({ error: "Enter the web address" })
  .trim()
  .min(1, "Enter the web address")
  .max(2000, "The web address must be 2,000 characters or fewer")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a web address starting with https://");

const resourceDescription = plainText({ multiline: true }).trim().max(500, "The description must be 500 characters or fewer").optional();

/**
 * A resource is a link or a file. The server receives the file itself as it streams in (it is not
 * in what this schema reads there); in the browser, a chosen file over the limit is refused here
 * before it is sent.
 */
export const resourceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("link"), title, url: httpUrl, description: resourceDescription }),
    z.object({
      kind: z.literal("file"),
      title,
      description: resourceDescription,
      file: z.custom<File>((value) => !(value instanceof Blob) || value.size <= RESOURCE_FILES.maxBytes, tooLargeMessage(RESOURCE_FILES)).optional(),
    }),
  ],
  { error: "Choose whether you are adding a link or a file" },
);

const CHOOSE_PARENT = "Choose a workspace from the list";

export const workspaceSchema = z.object({
  name: z.string({ error: "Enter the workspace's name" }).trim().min(1, "Enter the workspace's name").max(100, "The name must be 100 characters or fewer"),
  description: z
    .string({ error: "Enter a description" })
    .trim()
    .min(1, "Enter a description")
    .max(500, "The description must be 500 characters or fewer"),
  kind: z.enum(["regional", "themed"], { error: "Choose whether the workspace is regional or themed" }),
  visibility: z.enum(["open", "private"], { error: "Choose who can read the workspace" }),
  // Only a changed request sends anything but an id from the list, so one message does for every check.
  parentId: z.coerce
    .number({ error: CHOOSE_PARENT })
    .int(CHOOSE_PARENT)
    .positive(CHOOSE_PARENT)
    .optional(),
  rules: z.string().trim().max(5000, "The rules must be 5,000 characters or fewer").optional(),
});

export type WorkspaceInput = z.infer<typeof workspaceSchema>;

export const newWorkspaceSchema = workspaceSchema.extend({
  slug: z
    .string({ error: "Enter the web address" })
    .trim()
    .min(2, "Enter a web address of 2 characters or more")
    .max(60, "The web address must be 60 characters or fewer")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, numbers and single hyphens, like north-east"),
});

export const leadSchema = z.object({
  email: z.string({ error: "Enter the lead's email address" }).trim().toLowerCase().email("Enter an email address like name@nhs.net"),
});
