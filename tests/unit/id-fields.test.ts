import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { recordingSchema } from "~/recordings/recording-schema";
import { workspaceSchema } from "~/workspaces/schemas";

/**
 * Fields that carry an id chosen from a list: only a changed request sends anything else, and then the
 * page says so in our words, never zod's ("Invalid input: expected number, received NaN").
 */
function errorsFor(schema: Parameters<typeof parseWithZod>[1]["schema"], entries: Array<[string, string]>) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  const submission = parseWithZod(data, { schema });
  return submission.status === "error" ? submission.error : undefined;
}

const workspace: Array<[string, string]> = [
  ["name", "London"],
  ["description", "Link workers in London."],
  ["kind", "regional"],
  ["visibility", "open"],
];

describe("an id field given something not from its list", () => {
  it.each(["abc", "-3", "1.5"])("a workspace's parent %s", (value) => {
    expect(errorsFor(workspaceSchema, [...workspace, ["parentId", value]])).toEqual({ parentId: ["Choose a workspace from the list"] });
  });

  it.each(["abc", "-3", "1.5"])("a recording's webinar %s", (value) => {
    const recording: Array<[string, string]> = [["title", "Housing"], ["description", "Referral routes."], ["themes", "money-and-housing"], ["webinarId", value]];
    expect(errorsFor(recordingSchema, recording)?.webinarId).toEqual(["Select the webinar this is a recording of"]);
  });
});
