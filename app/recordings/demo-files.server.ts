import { clockTime } from "./durations";

/**
 * Small generated files for the demo, the tests and the bench: captions and one-page slides made
 * here, so no real footage or third-party document is ever shipped. (The demo videos are a few KB of
 * plain colour, generated once and kept in fixtures/demo.)
 */

function vttTime(seconds: number): string {
  const clock = clockTime(seconds);
  const padded = clock.split(":").length === 2 ? `00:${clock.padStart(5, "0")}` : clock.padStart(8, "0");
  return `${padded}.000`;
}

/**
 * WebVTT captions over `durationSeconds`: a cue every 30 seconds, the lines taken in turn and spoken
 * by the speakers in turn, the last cue ending with the video.
 */
export function generatedCaptions(options: { durationSeconds: number; speakers: string[]; lines: string[] }): string {
  const cues: string[] = [];
  const step = 30;
  for (let start = 0, n = 0; start < options.durationSeconds; start += step, n++) {
    const end = Math.min(start + step, options.durationSeconds);
    const speaker = options.speakers[Math.floor(n / 4) % options.speakers.length];
    const line = options.lines[n % options.lines.length] ?? "";
    const escaped = line.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    cues.push(`${vttTime(start)} --> ${vttTime(end)}\n${speaker ? `<v ${speaker}>` : ""}${escaped}`);
  }
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}

/** A valid one-page PDF (A4 landscape) showing a title and a few lines in Helvetica. */
export function onePagePdf(title: string, lines: string[]): Buffer {
  const escape = (text: string) => text.replace(/[^\x20-\x7e]/g, "-").replace(/([\\()])/g, "\\$1");
  const text = [
    "BT /F1 28 Tf 60 520 Td",
    `(${escape(title)}) Tj`,
    "/F1 16 Tf 0 -50 Td",
    ...lines.map((line) => `(${escape(line)}) Tj 0 -26 Td`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
