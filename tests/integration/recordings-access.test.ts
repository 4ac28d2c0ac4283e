import { describe, expect, it } from "vitest";
import { publishRecording } from "~/recordings/admin.server";
import * as fileRoute from "~/routes/recordings.$id.files.$fileId";
import * as recordingRoute from "~/routes/recordings.$id._index";
import * as libraryRoute from "~/routes/recordings._index";
import { createAdmin, createMember, outcome, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";
import { addWebinar, completeRecording } from "../support/recordings";

/**
 * The library is for active members only: a visitor and a joiner still waiting for approval can
 * neither list, view nor download anything, even with a file's exact address; a member can.
 */
const { database } = setUpDatabaseTests();

/** What a loader gave: a Response as it is, or single-fetch `data()`'s payload. */
function payload(result: unknown): Record<string, unknown> {
  const value = result as { data?: unknown };
  return (value && typeof value === "object" && "data" in value && value.data ? value.data : value) as Record<string, unknown>;
}

/** The status a loader's `data()` answered with (200 when it set none). */
function statusOf(result: unknown): number {
  return (result as { init?: ResponseInit | null }).init?.status ?? 200;
}

async function setUp() {
  const admin = await createAdmin();
  const webinarId = await addWebinar(database);
  const published = await completeRecording(admin.id, webinarId, { title: "Housing problems and where to refer" });
  await publishRecording(admin.id, published);
  const draft = await completeRecording(admin.id, webinarId, { title: "Unfinished draft about debt" });
  const files = await database.selectFrom("recording_files").select(["id", "recording_id", "kind"]).execute();
  const fileOf = (recordingId: number, kind: string) => files.find((file) => file.recording_id === recordingId && file.kind === kind)!.id;
  const pending = await createMember({ status: "pending", email: "joiner@example.org.uk" });
  const member = await createMember();
  return {
    admin,
    published,
    draft,
    fileOf,
    cookies: { pending: await sessionCookieFor(pending.id), member: await sessionCookieFor(member.id), admin: await sessionCookieFor(admin.id) },
  };
}

describe("who can use the recordings library", () => {
  it("a visitor and a pending joiner are refused (403) with the members-only page instead of the list, with sign-in that brings them back", async () => {
    const { cookies } = await setUp();
    for (const cookie of [undefined, cookies.pending]) {
      const result = await libraryRoute.loader({ request: pageRequest("/recordings?q=housing", { cookie }), params: {}, context: testContext });
      expect(statusOf(result)).toBe(403);
      expect(payload(result)).toEqual({ member: false, returnTo: "/recordings?q=housing" });
    }
  });

  it("a visitor and a pending joiner cannot view a recording (403), and an unknown id looks the same", async () => {
    const { cookies, published } = await setUp();
    for (const cookie of [undefined, cookies.pending]) {
      for (const id of [published, 9999]) {
        const result = await recordingRoute.loader({ request: pageRequest(`/recordings/${id}`, { cookie }), params: { id: String(id) }, context: testContext });
        expect(statusOf(result)).toBe(403);
        expect(payload(result)).toEqual({ member: false, returnTo: `/recordings/${id}` });
      }
    }
  });

  it("a visitor and a pending joiner cannot download any file, even with its exact address or a byte range: 403, no bytes", async () => {
    const { cookies, published, draft, fileOf } = await setUp();
    for (const cookie of [undefined, cookies.pending]) {
      for (const [recordingId, fileId] of [
        ...["video", "captions", "slides"].map((kind) => [published, fileOf(published, kind)] as const),
        [draft, fileOf(draft, "video")] as const,
        [published, "no-such-file"] as const,
      ]) {
        for (const range of [undefined, "bytes=0-99", "bytes=-10"]) {
          const request = pageRequest(`/recordings/${recordingId}/files/${fileId}`, { cookie });
          if (range) request.headers.set("Range", range);
          const result = (await outcome(() => fileRoute.loader({ request, params: { id: String(recordingId), fileId }, context: testContext }))) as Response;
          expect(result.status, `${fileId} ${range}`).toBe(403);
          expect(result.headers.get("Content-Range")).toBeNull();
          expect(await result.text()).toBe("Recordings and their files are for network members. Sign in to the portal, then open the recording's page.");
        }
      }
    }
  });

  it("a member lists, views and downloads published recordings", async () => {
    const { cookies, published, fileOf } = await setUp();
    const list = payload(await libraryRoute.loader({ request: pageRequest("/recordings", { cookie: cookies.member }), params: {}, context: testContext }));
    expect((list.items as Array<{ title: string }>).map((item) => item.title)).toEqual(["Housing problems and where to refer"]);

    const page = payload(await recordingRoute.loader({ request: pageRequest(`/recordings/${published}`, { cookie: cookies.member }), params: { id: String(published) }, context: testContext }));
    const recording = page.recording as { title: string; transcript: unknown[]; slides: { summary: string } };
    expect(recording.title).toBe("Housing problems and where to refer");
    expect(recording.transcript.length).toBeGreaterThan(10);
    expect(recording.slides.summary).toBe("Three slides on referral routes.");

    const slides = (await fileRoute.loader({
      request: pageRequest(`/recordings/${published}/files/${fileOf(published, "slides")}`, { cookie: cookies.member }),
      params: { id: String(published), fileId: fileOf(published, "slides") },
      context: testContext,
    })) as Response;
    expect(slides.status).toBe(200);
    expect(slides.headers.get("Content-Type")).toBe("application/pdf");
    expect(slides.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Housing problems and where to refer - slides.pdf"; filename*=UTF-8''Housing%20problems%20and%20where%20to%20refer%20-%20slides.pdf`,
    );
    expect(slides.headers.get("Cache-Control")).toMatch(/^private/);
    expect(Buffer.from(await slides.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("a member cannot see a draft or its files (not found, as if it did not exist); staff can preview both", async () => {
    const { cookies, draft, fileOf } = await setUp();
    const asMember = (await outcome(() => recordingRoute.loader({ request: pageRequest(`/recordings/${draft}`, { cookie: cookies.member }), params: { id: String(draft) }, context: testContext }))) as Response;
    expect(asMember.status).toBe(404);
    const fileId = fileOf(draft, "video");
    const fileAsMember = (await outcome(() =>
      fileRoute.loader({ request: pageRequest(`/recordings/${draft}/files/${fileId}`, { cookie: cookies.member }), params: { id: String(draft), fileId }, context: testContext }),
    )) as Response;
    expect(fileAsMember.status).toBe(404);
    // A real file id under another recording's address is not found either.
    const wrongRecording = (await outcome(() =>
      fileRoute.loader({ request: pageRequest(`/recordings/1/files/${fileId}`, { cookie: cookies.member }), params: { id: "1", fileId }, context: testContext }),
    )) as Response;
    expect(wrongRecording.status).toBe(404);

    const asAdmin = payload(await recordingRoute.loader({ request: pageRequest(`/recordings/${draft}`, { cookie: cookies.admin }), params: { id: String(draft) }, context: testContext }));
    expect((asAdmin.recording as { published: boolean }).published).toBe(false);
    const fileAsAdmin = (await fileRoute.loader({ request: pageRequest(`/recordings/${draft}/files/${fileId}`, { cookie: cookies.admin }), params: { id: String(draft), fileId }, context: testContext })) as Response;
    expect(fileAsAdmin.status).toBe(200);
  });
});
