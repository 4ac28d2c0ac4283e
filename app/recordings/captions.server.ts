import { createRequire } from "node:module";
import type { WebVTTNode } from "webvtt-parser";

// A CommonJS package that assigns its exports in a way Node's ESM import cannot see, with a JSON
// entity table beside it: load both with require.
const require = createRequire(import.meta.url);
const { WebVTTParser } = require("webvtt-parser") as typeof import("webvtt-parser");
const entities = require("webvtt-parser/html-entities.json") as Record<string, string>;

/**
 * Captions: checking an uploaded WebVTT file with the W3C's parser (webvtt-parser), and turning it
 * into plain text for search and a transcript for reading.
 */

export interface CaptionCue {
  start: number;
  end: number;
  /** The <v> annotation, when the captions name who is speaking. */
  speaker?: string;
  text: string;
}

export type CaptionCheck =
  | { ok: true; cues: CaptionCue[]; end: number }
  | { ok: false; problems: string[] };

const SHOWN_PROBLEMS = 5;

function textOf(nodes: readonly WebVTTNode[]): string {
  return nodes
    .map((node) => (node.type === "text" ? (node.value ?? "") : node.type === "object" ? textOf(node.children ?? []) : ""))
    .join("");
}

function speakerOf(nodes: readonly WebVTTNode[]): string | undefined {
  for (const node of nodes) {
    if (node.type === "object" && node.name === "v" && node.value) return node.value.trim();
  }
  return undefined;
}

interface Problem {
  line: number;
  message: string;
}

/** The first lines of blocks that are not cues (a cue starts with its timings, or a name before them). */
const NOT_A_CUE = /^(NOTE|STYLE)($|[ \t])/;
const REGION_BLOCK = /^REGION($|[ \t])/;

/**
 * The file without WebVTT regions, which the parser (webvtt-parser 2.2) does not know: REGION blocks in
 * the header and "region:" cue settings are valid WebVTT, but only place captions on screen, which these
 * checks do not need. A REGION block becomes a NOTE, line for line, so the parser's problems keep their
 * line numbers; one after the first cue is a problem, as the standard says region definitions come first.
 */
function withoutRegions(input: string): { text: string; problems: Problem[] } {
  const lines = input.split(/\r\n|\r|\n/);
  const problems: Problem[] = [];
  let cueSeen = false;
  for (let at = 1; at < lines.length; at++) {
    const line = lines[at]!;
    if (line.includes("-->")) lines[at] = line.replace(/[ \t]+region:\S+/g, "");
    if (line === "" || lines[at - 1] !== "") continue;
    // Timings on a block's first or second line make it a cue, even one named "REGION".
    if (!NOT_A_CUE.test(line) && (line.includes("-->") || lines[at + 1]?.includes("-->"))) {
      cueSeen = true;
    } else if (REGION_BLOCK.test(line)) {
      if (cueSeen) problems.push({ line: at + 1, message: "Region definitions cannot appear after the first cue." });
      lines[at] = `NOTE${line.slice("REGION".length)}`;
    }
  }
  return { text: lines.join("\n"), problems };
}

/**
 * Whether `bytes` is a usable WebVTT captions file. Problems name the line, as the parser reports
 * them ("Line 7: Cue identifier needs to be followed by timestamp."), at most five and a count of the rest.
 */
export function checkCaptions(bytes: Uint8Array): CaptionCheck {
  let input: string;
  try {
    input = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: ["The file is not UTF-8 text. Save it again as UTF-8 and upload it again."] };
  }
  const parser = new WebVTTParser(entities);
  const regionless = withoutRegions(input);
  const { cues, errors: parserErrors } = parser.parse(regionless.text);
  const errors = [...parserErrors, ...regionless.problems].sort((a, b) => a.line - b.line);
  if (errors.length > 0) {
    const problems = errors.slice(0, SHOWN_PROBLEMS).map((error) => `Line ${error.line}: ${error.message}`);
    if (errors.length > SHOWN_PROBLEMS) problems.push(`And ${errors.length - SHOWN_PROBLEMS} more problems after these.`);
    return { ok: false, problems };
  }
  if (cues.length === 0) return { ok: false, problems: ["The file has no captions in it: add the cues and upload it again."] };
  const parsed = cues.map((cue) => ({
    start: cue.startTime,
    end: cue.endTime,
    speaker: speakerOf(cue.tree.children),
    text: textOf(cue.tree.children).replace(/\s+/g, " ").trim(),
  }));
  return { ok: true, cues: parsed, end: Math.max(...parsed.map((cue) => cue.end)) };
}

/** The words spoken, for the search index. */
export function captionsPlainText(cues: readonly CaptionCue[]): string {
  return cues.map((cue) => cue.text).join(" ");
}

export interface TranscriptParagraph {
  start: number;
  speaker?: string;
  text: string;
}

const PARAGRAPH_SECONDS = 45;

/**
 * The captions as a transcript: consecutive cues joined into paragraphs, a new one when the speaker
 * changes or after about 45 seconds, each starting with its time. Repeated lines (roll-up captions)
 * are kept once.
 */
export function transcriptOf(cues: readonly CaptionCue[]): TranscriptParagraph[] {
  const paragraphs: TranscriptParagraph[] = [];
  let current: TranscriptParagraph | undefined;
  let lastText = "";
  for (const cue of cues) {
    if (!cue.text || cue.text === lastText) continue;
    lastText = cue.text;
    const speaker = cue.speaker ?? current?.speaker;
    if (!current || speaker !== current.speaker || cue.start - current.start >= PARAGRAPH_SECONDS) {
      current = { start: cue.start, speaker, text: cue.text };
      paragraphs.push(current);
    } else {
      current.text += ` ${cue.text}`;
    }
  }
  return paragraphs;
}
