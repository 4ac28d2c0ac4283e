import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, limitBody, requestBodyLimit } from "../../server/request-limits";
import { RESOURCE_FILES } from "~/workspaces/resource-files";

describe("request body limits", () => {
  const uploads = [{ path: /^\/admin\/recordings\/[^/]+\/upload$/, bytes: 2 * 1024 ** 3 }];

  it("gives ordinary forms the small default and a listed route its own limit, page or .data submission", () => {
    expect(bodyLimitFor("/sign-in", uploads)).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/admin/recordings/12/upload", uploads)).toBe(2 * 1024 ** 3);
    expect(bodyLimitFor("/admin/recordings/12/upload.data", uploads)).toBe(2 * 1024 ** 3);
    expect(bodyLimitFor("/_root.data", [{ path: /^\/$/, bytes: 1 }])).toBe(1);
    expect(bodyLimitFor("/admin/recordings/12/upload/extra", uploads)).toBe(DEFAULT_BODY_LIMIT);
  });

  it("lets a workspace's resources page take a file up to the resources' own limit, and no other workspace page", () => {
    expect(bodyLimitFor("/workspaces/london/resources")).toBe(RESOURCE_FILES.maxBytes + 1024 ** 2);
    expect(bodyLimitFor("/workspaces/london/resources.data")).toBe(RESOURCE_FILES.maxBytes + 1024 ** 2);
    expect(bodyLimitFor("/workspaces/london/new")).toBe(DEFAULT_BODY_LIMIT);
  });

  it("gives an upload route's larger limit only to a multipart body: any other form there is read whole, so it gets the default", () => {
    const resources = "/workspaces/london/resources";
    expect(requestBodyLimit(resources, "multipart/form-data; boundary=----x")).toBe(RESOURCE_FILES.maxBytes + 1024 ** 2);
    expect(requestBodyLimit(resources, "application/x-www-form-urlencoded")).toBe(DEFAULT_BODY_LIMIT);
    expect(requestBodyLimit(resources, undefined)).toBe(DEFAULT_BODY_LIMIT);
    expect(requestBodyLimit("/sign-in", "multipart/form-data; boundary=----x")).toBe(DEFAULT_BODY_LIMIT);
  });

  it("passes a streamed body up to the limit and fails it, once, past the limit", async () => {
    const chunks = (sizes: number[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const size of sizes) controller.enqueue(new Uint8Array(size));
          controller.close();
        },
      });
    let exceeded = 0;
    const within = await new Response(limitBody(chunks([4, 6]), 10, () => exceeded++)).arrayBuffer();
    expect(within.byteLength).toBe(10);
    await expect(new Response(limitBody(chunks([4, 6, 1, 5]), 10, () => exceeded++)).arrayBuffer()).rejects.toThrow();
    expect(exceeded).toBe(1);
  });
});
