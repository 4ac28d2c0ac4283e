import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { publishRecording } from "~/recordings/admin.server";
import * as recordingRoute from "~/routes/recordings.$id._index";
import { cspNonce, securityHeaders } from "../../server/security";
import { createAdmin, createMember, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { addWebinar, draftRecording } from "../support/recordings";

/** A recording kept on an allowed video host is embedded, and only its page may frame that host. */
const { database } = setUpDatabaseTests();

async function policyFor(frameSources?: string): Promise<string> {
  const app = express();
  app.use(cspNonce);
  app.use(securityHeaders({ development: false, https: false, frameHosts: ["player.vimeo.com"] }));
  app.get("/", (_req, res) => {
    if (frameSources) res.setHeader("X-Portal-Frame-Sources", frameSources);
    res.send("ok");
  });
  const server = app.listen(0);
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(response.headers.get("x-portal-frame-sources")).toBeNull();
    return response.headers.get("content-security-policy") ?? "";
  } finally {
    server.close();
  }
}

describe("embedded players", () => {
  it("adds the origin a page names to that page's frame-src, and nothing for other pages", async () => {
    expect(await policyFor()).not.toContain("frame-src");
    expect(await policyFor("https://player.vimeo.com")).toMatch(/;frame-src https:\/\/player\.vimeo\.com$/);
    // Only https origins on a configured host: anything else a page might name is dropped.
    expect(await policyFor("http://player.vimeo.com 'unsafe-inline' * https://evil.example")).not.toContain("frame-src");
    expect(await policyFor("https://evil.example https://player.vimeo.com")).toMatch(/;frame-src https:\/\/player\.vimeo\.com$/);
  });

  it("a recording on an allowed host names that host's origin for its page", async () => {
    // The configuration is read once per process (each test file has its own): allow the host here.
    config().recordingEmbedHosts.push("player.vimeo.com");
    const admin = await createAdmin();
    const id = await draftRecording(admin.id, await addWebinar(database));
    await database.updateTable("recordings").set({ external_url: "https://player.vimeo.com/video/123" }).where("id", "=", id).execute();
    expect(await publishRecording(admin.id, id)).toMatchObject({ ok: true });
    const cookie = await sessionCookieFor((await createMember()).id);
    const result = (await recordingRoute.loader({ request: pageRequest(`/recordings/${id}`, { cookie }), params: { id: String(id) }, context: testContext })) as unknown as {
      data: { recording: { embed: { src: string } } };
      init: { headers: Headers };
    };
    expect(result.data.recording.embed.src).toBe("https://player.vimeo.com/video/123");
    expect(new Headers(result.init.headers).get("X-Portal-Frame-Sources")).toBe("https://player.vimeo.com");
  });
});
