import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { leaveNetwork } from "~/privacy/leave.server";
import { attachUpload, publishRecording, removeFile, unpublishRecording, updateRecording } from "~/recordings/admin.server";
import { libraryQueryFrom, listRecordings } from "~/recordings/library.server";
import { createAdmin, createMember, setUpDatabaseTests } from "../support/fixtures";
import { addWebinar, captionsFor, completeRecording, DEMO_MP4, draftRecording, register, stored } from "../support/recordings";

/** Publishing: what a recording must have first, and the email to registrants, once each. */
const { database } = setUpDatabaseTests();

const emailsAbout = async (to: string) =>
  database.selectFrom("outbox").select(["template", "subject", "text"]).where("to_address", "=", to).where("template", "=", "recording-published").execute();

describe("publishing a recording", () => {
  it("emails each registrant who asked for event emails once, even after unpublishing and publishing again", async () => {
    const admin = await createAdmin();
    const webinarId = await addWebinar(database);
    const approved = await createMember({ email: "approved@nhs.net", events_opt_in: 1 });
    const waitlisted = await createMember({ email: "waitlisted@nhs.net", events_opt_in: 1 });
    const noConsent = await createMember({ email: "no-consent@nhs.net", events_opt_in: 0 });
    const cancelled = await createMember({ email: "cancelled@nhs.net", events_opt_in: 1 });
    const otherWebinar = await createMember({ email: "other@nhs.net", events_opt_in: 1 });
    await register(database, webinarId, approved.id, "approved");
    await register(database, webinarId, waitlisted.id, "waitlisted");
    await register(database, webinarId, noConsent.id, "approved");
    await register(database, webinarId, cancelled.id, "cancelled");
    await register(database, await addWebinar(database, { title: "Another webinar" }), otherWebinar.id, "approved");

    const id = await completeRecording(admin.id, webinarId, { title: "Housing problems and where to refer" });
    expect(await publishRecording(admin.id, id)).toEqual({ ok: true, notified: 2 });
    expect(await emailsAbout("approved@nhs.net")).toEqual([
      expect.objectContaining({ subject: "Recording available: Housing problems and where to refer", text: expect.stringContaining(`/recordings/${id}`) }),
    ]);
    expect(await emailsAbout("waitlisted@nhs.net")).toHaveLength(1);
    for (const address of ["no-consent@nhs.net", "cancelled@nhs.net", "other@nhs.net"]) expect(await emailsAbout(address)).toEqual([]);

    // Unpublished and published again: nobody already told hears twice; someone who registered since does.
    await unpublishRecording(admin.id, id);
    const late = await createMember({ email: "late@nhs.net", events_opt_in: 1 });
    await register(database, webinarId, late.id, "approved");
    expect(await publishRecording(admin.id, id)).toEqual({ ok: true, notified: 1 });
    expect(await emailsAbout("approved@nhs.net")).toHaveLength(1);
    expect(await emailsAbout("late@nhs.net")).toHaveLength(1);
    // Publishing what is already published sends nothing.
    expect(await publishRecording(admin.id, id)).toEqual({ ok: true, notified: 0 });

    const audit = await database.selectFrom("audit_log").select(["action", "details_json"]).where("action", "=", "recording.published").execute();
    expect(audit.map((entry) => JSON.parse(entry.details_json))).toEqual([{ notified: 2 }, { notified: 1 }]);
  });

  it("refuses to publish an uploaded video without captions, or with captions that stop short, saying what is missing", async () => {
    const admin = await createAdmin();
    const id = await draftRecording(admin.id, await addWebinar(database));
    expect(await publishRecording(admin.id, id)).toEqual({
      ok: false,
      formErrors: ["Before publishing, add a video: upload a file or give its address on an allowed video host"],
    });
    await attachUpload(admin.id, id, "video", await stored("video", "mp4", readFileSync(DEMO_MP4)));
    expect(await publishRecording(admin.id, id)).toEqual({ ok: false, formErrors: ["Before publishing, add a captions file (WebVTT) for the video"] });
    // 45 minutes of video, captions for 30: under 90%.
    await attachUpload(admin.id, id, "captions", await stored("captions", "vtt", captionsFor(1800)));
    expect(await publishRecording(admin.id, id)).toEqual({
      ok: false,
      formErrors: ["Before publishing, add captions for the whole video: they end at 30:00 and the video is 45:00 long"],
    });
    await attachUpload(admin.id, id, "captions", await stored("captions", "vtt", captionsFor(2500)));
    expect(await publishRecording(admin.id, id)).toMatchObject({ ok: true });
  });

  it("forgets the old video's length when a replacement's header does not give one, and asks for it", async () => {
    const admin = await createAdmin();
    const id = await draftRecording(admin.id, await addWebinar(database));
    await attachUpload(admin.id, id, "video", await stored("video", "mp4", readFileSync(DEMO_MP4)));
    await attachUpload(admin.id, id, "captions", await stored("captions", "vtt", captionsFor(2500)));
    const unknownLength = await stored("video", "mp4", readFileSync(DEMO_MP4));
    delete unknownLength.durationSeconds;
    expect(await attachUpload(admin.id, id, "video", unknownLength)).toEqual({ ok: true });
    // The 45 minutes were the old video's: the captions cannot be checked against them.
    expect(await publishRecording(admin.id, id)).toEqual({ ok: false, formErrors: ["Before publishing, add the length of the video, to check the captions cover it"] });
  });

  it("asks for a summary of the slides, and keeps a published recording complete", async () => {
    const admin = await createAdmin();
    const id = await completeRecording(admin.id, await addWebinar(database));
    await publishRecording(admin.id, id);
    expect(await removeFile(admin.id, id, "captions")).toEqual({
      ok: false,
      formErrors: ["This recording is published, and this change would leave it without a captions file (WebVTT) for the video. Unpublish it first."],
    });
    await unpublishRecording(admin.id, id);
    await database.updateTable("recordings").set({ slides_summary: null }).where("id", "=", id).execute();
    expect(await publishRecording(admin.id, id)).toMatchObject({ ok: false, formErrors: expect.arrayContaining(["Before publishing, add a short text summary of the slides"]) });
  });
});

describe("searching the library", () => {
  async function library() {
    const admin = await createAdmin();
    const webinarId = await addWebinar(database);
    const make = async (title: string, description: string, lines: string[], themes = ["mental-health"]) => {
      const id = await completeRecording(admin.id, webinarId, { title, description, themes }, lines);
      await publishRecording(admin.id, id);
      return id;
    };
    return { admin, make, search: (q: string) => listRecordings(libraryQueryFrom(new URLSearchParams(q))) };
  }

  it("finds words in captions with stemming, ranks title matches first, and says when nothing matches", async () => {
    const { make, search } = await library();
    const inCaptions = await make("Supporting carers", "Carers' assessments and breaks.", ["We talked about loneliness among older carers."]);
    const inTitle = await make("Loneliness in rural communities", "Reaching isolated people.", ["Mobile libraries reach people."]);
    await make("Debt advice", "Money and benefits.", ["Benefits checks come first."], ["money-and-housing"]);

    const lonely = await search("q=lonely");
    expect(lonely.items.map((item) => item.id)).toEqual([inTitle, inCaptions]);
    expect((await search("q=LONELINESS")).items.map((item) => item.id)).toEqual([inTitle, inCaptions]);
    expect((await search("q=benefit")).items).toHaveLength(1);
    expect((await search("q=Carys")).total).toBe(3);

    // Then matches in the description (or speakers, themes), then those found only in what was said; newest first within each.
    const inDescription = await make("Peer support", "Loneliness and peer groups.", ["Groups meet weekly."]);
    const alsoInCaptions = await make("Walking groups", "Getting out together.", ["Walking helps with loneliness."]);
    expect((await search("q=lonely")).items.map((item) => item.id)).toEqual([inTitle, inDescription, alsoInCaptions, inCaptions]);

    const none = await search("q=zebra+crossing");
    expect(none.total).toBe(0);
    expect(none.searched).toBe(true);
    // Query syntax is never passed through: quotes, operators and stars are just punctuation.
    expect((await search(`q=${encodeURIComponent('"lonely" OR title:* NEAR(')}`)).items.map((item) => item.id)).toEqual([]);
  });

  it("filters by theme and year, and pages through results", async () => {
    const { make, search } = await library();
    for (let n = 0; n < 12; n++) await make(`Recording ${n}`, "About wellbeing.", ["Hello."], n % 2 ? ["mental-health"] : ["arts-and-culture"]);
    expect((await search("theme=arts-and-culture")).total).toBe(6);
    const first = await search("");
    expect(first.pageCount).toBe(2);
    expect((await search("page=2")).items).toHaveLength(2);
    const thisYear = new Date().getUTCFullYear();
    expect((await search(`year=${thisYear - 5}`)).total).toBe(0);
    // Unknown filter values are ignored, not errors.
    expect((await search("theme=nonsense&year=abc")).total).toBe(12);
  });

  it("keeps the index in step with changed details", async () => {
    const { admin, make, search } = await library();
    const id = await make("Old title", "Old description.", ["Unchanged captions about gardening."]);
    const webinarId = (await database.selectFrom("recordings").select("webinar_id").where("id", "=", id).executeTakeFirstOrThrow()).webinar_id!;
    await updateRecording(admin.id, id, { webinarId, title: "Allotments in winter", description: "New.", speakers: "", themes: ["green-social-prescribing"], duration: "45:00", externalUrl: undefined });
    expect((await search("q=allotments")).items.map((item) => item.id)).toEqual([id]);
    expect((await search("q=old")).total).toBe(0);
    expect((await search("q=gardening")).total).toBe(1);
    expect((await search("q=green")).total).toBe(1);
  });
});

describe("leaving the network", () => {
  it("deletes the record of which recordings a member was emailed about", async () => {
    const admin = await createAdmin();
    const webinarId = await addWebinar(database);
    const member = await createMember({ events_opt_in: 1 });
    await register(database, webinarId, member.id);
    await publishRecording(admin.id, await completeRecording(admin.id, webinarId));
    expect(await database.selectFrom("recording_notifications").selectAll().where("user_id", "=", member.id).execute()).toHaveLength(1);
    await leaveNetwork(member.id);
    expect(await database.selectFrom("recording_notifications").selectAll().where("user_id", "=", member.id).execute()).toEqual([]);
  });
});
