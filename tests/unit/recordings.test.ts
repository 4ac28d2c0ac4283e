import { describe, expect, it } from "vitest";
import { checkCaptions, transcriptOf } from "~/recordings/captions.server";
import { embedFor, externalUrlProblem } from "~/recordings/embed.server";
import { clockTime, parseDuration } from "~/recordings/durations";
import { missingForPublishing } from "~/recordings/readiness";
import { searchTerms } from "~/recordings/search.server";

describe("captions", () => {
  it("turns cues into a transcript: paragraphs by speaker and time, repeated lines once", () => {
    const check = checkCaptions(
      Buffer.from(
        "WEBVTT\n\n00:00.000 --> 00:05.000\n<v Priya>Welcome &amp; hello.\n\n00:05.000 --> 00:09.000\n<v Priya>Welcome &amp; hello.\n\n00:09.000 --> 00:12.000\n<i>Let's start.</i>\n\n00:12.000 --> 00:15.000\n<v Tom>Thanks.\n",
      ),
    );
    if (!check.ok) throw new Error(check.problems.join());
    expect(check.end).toBe(15);
    expect(transcriptOf(check.cues)).toEqual([
      { start: 0, speaker: "Priya", text: "Welcome & hello. Let's start." },
      { start: 12, speaker: "Tom", text: "Thanks." },
    ]);
  });

  it("accepts regions: REGION blocks in the header and region settings on cues", () => {
    const regions = [
      "WEBVTT",
      "",
      "REGION",
      "id:speaker",
      "width:40%",
      "lines:3",
      "regionanchor:0%,100%",
      "viewportanchor:10%,90%",
      "scroll:up",
      "",
      "00:00.000 --> 00:04.000 region:speaker align:left",
      "<v Priya>Welcome to the session.",
      "",
      "00:04.000 --> 00:08.000",
      "<v Priya>Let's start.",
    ].join("\r\n");
    const check = checkCaptions(Buffer.from(regions));
    if (!check.ok) throw new Error(check.problems.join());
    expect(check.cues).toEqual([
      { start: 0, end: 4, speaker: "Priya", text: "Welcome to the session." },
      { start: 4, end: 8, speaker: "Priya", text: "Let's start." },
    ]);
  });

  it("refuses a region defined after the first cue, and names the right lines of every problem", () => {
    const late = "WEBVTT\n\nREGION\nid:top\n\n00:00.000 --> 00:04.000 region:top\nHello.\n\nREGION\nid:late\n\n00:05.000 -> 00:09.000\nWrong arrow.\n";
    expect(checkCaptions(Buffer.from(late))).toEqual({
      ok: false,
      problems: ["Line 9: Region definitions cannot appear after the first cue.", "Line 13: Cue identifier needs to be followed by timestamp.", "Line 14: Cue identifier cannot be standalone."],
    });
    const named = checkCaptions(Buffer.from("WEBVTT\n\nREGION\n00:00.000 --> 00:04.000\nA cue named REGION.\n"));
    expect(named).toMatchObject({ ok: true, cues: [{ text: "A cue named REGION." }] });
    // A setting with no value is still a problem.
    expect(checkCaptions(Buffer.from("WEBVTT\n\n00:00.000 --> 00:04.000 region:\nHello.\n"))).toMatchObject({ ok: false, problems: ["Line 3: No value for setting defined."] });
  });

  it("refuses a file that is not UTF-8 or has no cues", () => {
    expect(checkCaptions(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]))).toEqual({ ok: false, problems: [expect.stringMatching(/not UTF-8/)] });
    expect(checkCaptions(Buffer.from("WEBVTT\n"))).toEqual({ ok: false, problems: [expect.stringMatching(/no captions/)] });
  });
});

describe("what a recording needs before publishing", () => {
  const complete = {
    hasWebinar: true,
    hasVideoFile: true,
    externalUrl: null,
    hasCaptions: true,
    captionsEndSeconds: 2450,
    durationSeconds: 2700,
    hasSlides: true,
    slidesSummary: "Three slides.",
  };
  it("asks for nothing when captions cover at least 90% and slides have a summary", () => {
    expect(missingForPublishing(complete)).toEqual([]);
    expect(missingForPublishing({ ...complete, hasVideoFile: false, hasCaptions: false, externalUrl: "https://player.vimeo.com/video/1" })).toEqual([]);
  });
  it("names each gap", () => {
    expect(missingForPublishing({ ...complete, captionsEndSeconds: 2000 })).toEqual(["captions for the whole video: they end at 33:20 and the video is 45:00 long"]);
    expect(missingForPublishing({ ...complete, durationSeconds: null })).toEqual(["the length of the video, to check the captions cover it"]);
    expect(missingForPublishing({ ...complete, slidesSummary: " " })).toEqual(["a short text summary of the slides"]);
  });
});

describe("small readers", () => {
  it("reads and writes video lengths", () => {
    expect(parseDuration("58:30")).toBe(3510);
    expect(parseDuration("1:02:05")).toBe(3725);
    expect(parseDuration("45")).toBe(2700);
    expect(parseDuration("1:75")).toBeUndefined();
    expect(clockTime(3725)).toBe("1:02:05");
    expect(clockTime(7)).toBe("0:07");
  });
  it("keeps only words from a search", () => {
    expect(searchTerms(`"Loneliness" OR title:x* NEAR(a b) — café`)).toEqual(["loneliness", "or", "title", "x", "near", "a", "b", "café"]);
  });
  it("embeds only https players on the allowed hosts", () => {
    const hosts = ["player.vimeo.com"];
    expect(embedFor("https://player.vimeo.com/video/123", hosts)).toEqual({ src: "https://player.vimeo.com/video/123", origin: "https://player.vimeo.com", host: "player.vimeo.com" });
    for (const url of ["http://player.vimeo.com/video/1", "https://evil.example/video", "https://user:pw@player.vimeo.com/x", "javascript:alert(1)"]) expect(embedFor(url, hosts), url).toBeUndefined();
    expect(externalUrlProblem("https://evil.example/v", hosts)).toBe("Enter the address of a video on player.vimeo.com, starting with https://");
    expect(externalUrlProblem("https://player.vimeo.com/v", [])).toMatch(/not switched on/);
  });
});
