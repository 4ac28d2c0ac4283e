import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "~/demo/seed.server";
import { fileStorage } from "~/files/storage.server";
import { sniffFormat } from "~/files/formats.server";
import { setUpDatabaseTests } from "../support/fixtures";

// The W3C's WebVTT parser on its own, as an independent check of what the demo generates.
const require = createRequire(import.meta.url);
const { WebVTTParser } = require("webvtt-parser") as typeof import("webvtt-parser");
const entities = require("webvtt-parser/html-entities.json") as Record<string, string>;

const { database } = setUpDatabaseTests();

describe("demo recordings", () => {
  it("give the demo's past webinars recordings (two published with captions and slides, one waiting for captions), all files valid", async () => {
    const summary = await seedDemoData(database);
    expect(summary).toContain("13 recordings");

    const linked = await database
      .selectFrom("recordings")
      .innerJoin("webinars", "webinars.id", "recordings.webinar_id")
      .select(["recordings.id", "webinars.title as webinarTitle", "recordings.status", "recordings.recorded_at", "webinars.starts_at", "webinars.ends_at"])
      .orderBy("webinars.starts_at")
      .execute();
    expect(linked.map((row) => [row.webinarTitle, row.status])).toEqual([
      ["Caseload supervision that works", "published"],
      ["Supporting carers", "draft"],
      ["Measuring what matters", "published"],
    ]);
    for (const row of linked) {
      expect(row.recorded_at).toBe(row.starts_at);
      expect(row.ends_at < new Date().toISOString()).toBe(true);
    }

    const files = await database.selectFrom("recording_files").innerJoin("recordings", "recordings.id", "recording_files.recording_id").select(["recording_files.recording_id", "kind", "format", "storage_key", "byte_size", "status"]).execute();
    for (const row of linked) {
      const kinds = files.filter((file) => file.recording_id === row.id).map((file) => file.kind).sort();
      expect(kinds).toEqual(row.status === "published" ? ["captions", "slides", "video"] : ["video"]);
    }
    // Every published recording has captions; every stored file is what it says it is, and small.
    const published = await database.selectFrom("recordings").select("id").where("status", "=", "published").execute();
    for (const { id } of published) expect(files.some((file) => file.recording_id === id && file.kind === "captions"), String(id)).toBe(true);
    for (const file of files) {
      const bytes = await fileStorage().readBytes(file.storage_key, 0, file.byte_size);
      expect(file.byte_size).toBeLessThan(64 * 1024);
      expect(sniffFormat(bytes.subarray(0, 64))).toBe(file.format);
      if (file.format === "vtt") {
        const { cues, errors } = new WebVTTParser(entities).parse(bytes.toString("utf8"));
        expect(errors).toEqual([]);
        expect(cues.length).toBeGreaterThan(10);
      }
    }

    // A second run adds no recordings.
    const before = await database.selectFrom("recordings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(await seedDemoData(database)).not.toContain("recordings");
    expect(await database.selectFrom("recordings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(before);
  });
});
