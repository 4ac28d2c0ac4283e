/**
 * Small documents made here for the demo, the tests and the bench, so no third-party document is ever
 * shipped.
 */

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
