import { describe, expect, it } from "vitest";
import { createRecording, publishRecording, unpublishRecording, updateRecording } from "~/recordings/admin.server";
import { recordingSchema } from "~/recordings/recording-schema";
import * as staffRecordingPage from "~/routes/admin.recordings.$id._index";
import * as uploadPage from "~/routes/admin.recordings.$id.upload.$kind";
import * as webinarPage from "~/routes/webinars.$id._index";
import { createAdmin, createMember, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { addWebinar, captionsFor, completeRecording, draftRecording } from "../support/recordings";

/**
 * Where recordings meet the rest of the portal: the webinar's own page offers its recording once it
 * is published, staff outcome banners come from the signed flash, and staff free text is plain text.
 */
const { database } = setUpDatabaseTests();

async function recordingOnWebinarPage(webinarId: number, cookie?: string) {
  const page = (await webinarPage.loader({ request: pageRequest(`/webinars/${webinarId}`, { cookie }), params: { id: String(webinarId) }, context: testContext })) as unknown as {
    data: { recording: { id: number } | null };
  };
  return page.data.recording;
}

describe("the webinar's page and its recording", () => {
  it("offers the recording of an ended webinar once it is published, to members and visitors alike, and nothing before", async () => {
    const admin = await createAdmin();
    const webinarId = await addWebinar(database);
    const member = await sessionCookieFor((await createMember()).id);
    expect(await recordingOnWebinarPage(webinarId, member)).toBeNull();

    const id = await completeRecording(admin.id, webinarId);
    expect(await recordingOnWebinarPage(webinarId, member)).toBeNull();
    await publishRecording(admin.id, id);
    expect(await recordingOnWebinarPage(webinarId, member)).toEqual({ id });
    // The public page names it to visitors too; the recording's page then asks them to sign in.
    expect(await recordingOnWebinarPage(webinarId)).toEqual({ id });
    await unpublishRecording(admin.id, id);
    expect(await recordingOnWebinarPage(webinarId, member)).toBeNull();
  });

  it("says nothing about a recording for a webinar still to come or cancelled", async () => {
    const admin = await createAdmin();
    // A recording is only added for a webinar that has taken place; the webinar can be moved on afterwards.
    const upcoming = await addWebinar(database);
    await publishRecording(admin.id, await completeRecording(admin.id, upcoming));
    const nextWeek = Date.now() + 7 * 24 * 60 * 60_000;
    await database.updateTable("webinars").set({ starts_at: new Date(nextWeek).toISOString(), ends_at: new Date(nextWeek + 60 * 60_000).toISOString() }).where("id", "=", upcoming).execute();
    expect(await recordingOnWebinarPage(upcoming)).toBeNull();

    const cancelled = await addWebinar(database, { title: "Cancelled one" });
    await publishRecording(admin.id, await completeRecording(admin.id, cancelled));
    await database.updateTable("webinars").set({ cancelled_at: new Date().toISOString(), cancel_reason: "The speaker was unwell." }).where("id", "=", cancelled).execute();
    expect(await recordingOnWebinarPage(cancelled)).toBeNull();
  });
});

describe("the webinar a recording is of", () => {
  const details = (webinarId: number) => ({ webinarId, title: "Housing", description: "Referral routes.", speakers: "", themes: ["money-and-housing"], duration: undefined, externalUrl: undefined });
  const notYet = { ok: false, fieldErrors: { webinarId: ["Select a webinar that has taken place and was not cancelled"] } };

  it("must have taken place and not been cancelled, as the form offers, even when a request names another", async () => {
    const admin = await createAdmin();
    const upcoming = await addWebinar(database, { startsAt: new Date(Date.now() + 7 * 24 * 60 * 60_000).toISOString() });
    const cancelled = await addWebinar(database);
    await database.updateTable("webinars").set({ cancelled_at: new Date().toISOString(), cancel_reason: "The speaker was unwell." }).where("id", "=", cancelled).execute();
    expect(await createRecording(admin.id, details(upcoming))).toEqual(notYet);
    expect(await createRecording(admin.id, details(cancelled))).toEqual(notYet);

    const id = await draftRecording(admin.id, await addWebinar(database));
    expect(await updateRecording(admin.id, id, details(upcoming))).toEqual(notYet);
    expect(await database.selectFrom("recordings").selectAll().execute()).toHaveLength(1);
  });

  it("may stay the one the recording has, though that webinar was cancelled later", async () => {
    const admin = await createAdmin();
    const webinarId = await addWebinar(database);
    const id = await draftRecording(admin.id, webinarId);
    await database.updateTable("webinars").set({ cancelled_at: new Date().toISOString(), cancel_reason: "Recorded early." }).where("id", "=", webinarId).execute();
    expect(await updateRecording(admin.id, id, { ...details(webinarId), title: "Housing, retitled" })).toEqual({ ok: true });
  });
});

describe("staff pages", () => {
  it("show an outcome once, from the signed flash, never from the address", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const id = await completeRecording(admin.id, await addWebinar(database));
    const published = (await staffRecordingPage
      .action({ request: pageRequest(`/admin/recordings/${id}`, { cookie, form: { intent: "publish" } }), params: { id: String(id) }, context: testContext })
      .catch((thrown: unknown) => thrown)) as Response;
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toBe(`/admin/recordings/${id}`);
    const flash = published.headers.get("Set-Cookie")!.split(";")[0]!;

    const load = async (path: string, withCookie: string) => {
      const result = (await staffRecordingPage.loader({ request: pageRequest(path, { cookie: withCookie }), params: { id: String(id) }, context: testContext })) as unknown as {
        data: { banner: string | null };
      };
      return result.data.banner;
    };
    expect(await load(`/admin/recordings/${id}`, `${cookie}; ${flash}`)).toBe("Published: members can now watch it. No registrants needed an email.");
    // A link with the old query string shows nothing.
    expect(await load(`/admin/recordings/${id}?done=published&notified=500`, cookie)).toBeNull();
  });

  it("answer the upload form's progress-bar request with where to go next, not a redirect it would follow and use the message up", async () => {
    const admin = await createAdmin();
    const cookie = await sessionCookieFor(admin.id);
    const id = await draftRecording(admin.id, await addWebinar(database));
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(captionsFor(600))]), "captions.vtt");
    const request = new Request(`http://localhost/admin/recordings/${id}/upload/captions`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookie, "X-Requested-With": "XMLHttpRequest" },
    });
    const answer = (await uploadPage.action({ request, params: { id: String(id), kind: "captions" }, context: testContext })) as unknown as { init: ResponseInit };
    const headers = new Headers(answer.init.headers);
    expect(headers.get("X-Upload-Next")).toBe(`/admin/recordings/${id}`);
    expect(headers.get("Set-Cookie")).toMatch(/^spn_flash=/);
    const passed = new Headers(uploadPage.headers({ actionHeaders: headers, loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined }) as HeadersInit);
    expect(passed.get("X-Upload-Next")).toBe(`/admin/recordings/${id}`);
  });

  it("store titles, descriptions, speakers and slide summaries without control or bidi characters", async () => {
    const parsed = recordingSchema.parse({
      webinarId: "1",
      title: "Housing\u202E and referrals\u0007",
      description: "First line\u0000\r\nSecond line\u2066",
      speakers: "Carys\tPugh",
      themes: ["money-and-housing"],
    });
    expect(parsed).toMatchObject({ title: "Housing and referrals", description: "First line\nSecond line", speakers: "Carys Pugh" });

    const admin = await createAdmin();
    const id = await draftRecording(admin.id, await addWebinar(database), { title: parsed.title, description: parsed.description });
    const row = await database.selectFrom("recordings").select(["title", "description"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Housing and referrals", description: "First line\nSecond line" });
  });
});
