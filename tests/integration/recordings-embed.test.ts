import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { requestSignIn } from "~/membership/sign-in.server";
import { publishRecording } from "~/recordings/admin.server";
import * as staffRecordingPage from "~/routes/admin.recordings.$id._index";
import * as recordingRoute from "~/routes/recordings.$id._index";
import * as verifyPage from "~/routes/verify.$publicId";
import * as webinarPage from "~/routes/webinars.$id._index";
import * as welcomePage from "~/routes/welcome";
import { cspNonce, securityHeaders } from "../../server/security";
import { createAdmin, createMember, lastEmailTo, outcome, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { addWebinar, completeRecording, draftRecording } from "../support/recordings";
import { renderPage } from "../support/render-page";

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

/** The `<a>` for a path in a page's HTML. */
const anchorTo = (html: string, href: string) => new RegExp(`<a [^>]*href="${href.replace(/[?]/g, "\\$&")}"[^>]*>`).exec(html)?.[0];

describe("ways into a recording's page from other pages", () => {
  // Its frame-src comes with its own document: a client-side navigation would keep the last page's CSP and
  // block the player. A link Remix navigates itself is marked data-discover; a whole-page one is not.
  it("are whole page loads: the webinar's page, the staff preview and the welcome page's way back", async () => {
    const admin = await createAdmin();
    const webinarId = await addWebinar(database);
    const id = await completeRecording(admin.id, webinarId);
    const staff = await renderPage(staffRecordingPage, pageRequest(`/admin/recordings/${id}`, { cookie: await sessionCookieFor(admin.id) }), {
      path: "/admin/recordings/:id",
    });
    expect(anchorTo(staff.html, `/recordings/${id}`)).not.toContain("data-discover");
    await publishRecording(admin.id, id);
    const webinar = await renderPage(webinarPage, pageRequest(`/webinars/${webinarId}`), { path: "/webinars/:id" });
    expect(anchorTo(webinar.html, `/recordings/${id}`)).not.toContain("data-discover");
    const member = await sessionCookieFor((await createMember()).id);
    const welcome = await renderPage(welcomePage, pageRequest(`/welcome?next=%2Frecordings%2F${id}`, { cookie: member }), { path: "/welcome" });
    expect(anchorTo(welcome.html, `/recordings/${id}`)).not.toContain("data-discover");
    // The check itself: a link the router follows has the mark.
    expect(anchorTo(welcome.html, "/webinars")).toContain('data-discover="true"');
  });

  it("is a whole page load after signing in with the code on the way to a recording", async () => {
    const member = await createMember();
    const asked = await requestSignIn({ email: member.email, ip: "192.0.2.20", redirectTo: "/recordings/7" });
    if (!asked.ok) throw new Error("rate limited");
    const { code } = (await lastEmailTo(database, member.email))!;
    const answer = (await outcome(() =>
      verifyPage.action({ request: pageRequest(`/verify/${asked.publicId}`, { form: { intent: "code", code: code! } }), params: { publicId: asked.publicId }, context: testContext }),
    )) as Response;
    expect(answer.headers.get("Location")).toBe("/recordings/7");
    expect(answer.headers.get("Set-Cookie")).toBeTruthy();
    expect(answer.headers.get("X-Remix-Reload-Document")).toBe("true");
  });

  it("is the form's own navigation after signing in on the way anywhere else", async () => {
    const member = await createMember();
    const asked = await requestSignIn({ email: member.email, ip: "192.0.2.21", redirectTo: "/recordings?q=walk" });
    if (!asked.ok) throw new Error("rate limited");
    const { code } = (await lastEmailTo(database, member.email))!;
    const answer = (await outcome(() =>
      verifyPage.action({ request: pageRequest(`/verify/${asked.publicId}`, { form: { intent: "code", code: code! } }), params: { publicId: asked.publicId }, context: testContext }),
    )) as Response;
    expect(answer.headers.get("Location")).toBe("/recordings?q=walk");
    expect(answer.headers.get("X-Remix-Reload-Document")).toBeNull();
  });
});
