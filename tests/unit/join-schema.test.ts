import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { joinSchema } from "~/membership/join-schema";

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const required: Array<[string, string]> = [
  ["fullName", "  Alex Example "],
  ["email", " Alex@NHS.net "],
  ["organisation", "Riverside PCN"],
  ["jobRole", "link-worker"],
  ["region", "london"],
];

describe("the joining form as posted", () => {
  it("reads ticked boxes, one or several workspaces, and leaves consents off unless ticked", () => {
    const none = parseWithZod(form(required), { schema: joinSchema });
    expect(none.status).toBe("success");
    expect(none.status === "success" && none.value).toEqual({
      fullName: "Alex Example",
      email: "alex@nhs.net",
      organisation: "Riverside PCN",
      jobRole: "link-worker",
      region: "london",
    });

    const one = parseWithZod(form([...required, ["workspaceInterests", "london"], ["events", "on"]]), { schema: joinSchema });
    expect(one.status === "success" && one.value).toMatchObject({ workspaceInterests: ["london"], events: true });
    expect(one.status === "success" && one.value.bulletin).toBeUndefined();

    const several = parseWithZod(
      form([...required, ["workspaceInterests", "london"], ["workspaceInterests", "green-social-prescribing"], ["bulletin", "on"]]),
      { schema: joinSchema },
    );
    expect(several.status === "success" && several.value).toMatchObject({
      workspaceInterests: ["london", "green-social-prescribing"],
      bulletin: true,
    });
  });

  it("refuses choices that are not on the form", () => {
    const result = parseWithZod(form([...required.slice(0, 3), ["jobRole", "astronaut"], ["region", "scotland"], ["workspaceInterests", "mars"]]), {
      schema: joinSchema,
    });
    expect(result.status).toBe("error");
    expect(result.status === "error" && result.error).toMatchObject({
      jobRole: ["Select your job role"],
      region: ["Select your NHS England region"],
      workspaceInterests: ["Select workspaces from the list"],
    });
  });
});
