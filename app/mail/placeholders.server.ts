/**
 * Per-recipient placeholders in a bulk email's shared body (app/mail/bulk.server.ts). A template is
 * rendered once with `placeholder("name")` in its props wherever a recipient's own value goes; the
 * worker fills each recipient's values in at delivery, HTML-escaped in the HTML part.
 */
const NAME = /^[a-z][a-z0-9_]*$/;
// Case-insensitive because the plain-text conversion may upper-case headings.
const PLACEHOLDER = /\{\{spn:([a-z][a-z0-9_]*)\}\}/gi;

export function placeholder(name: string): string {
  if (!NAME.test(name)) throw new Error(`Placeholder names are lower-case letters, digits and _, not "${name}"`);
  return `{{spn:${name}}}`;
}

/** The placeholder names that occur in any of `parts`. */
export function placeholderNames(...parts: string[]): Set<string> {
  const names = new Set<string>();
  for (const part of parts) for (const match of part.matchAll(PLACEHOLDER)) names.add((match[1] ?? "").toLowerCase());
  return names;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Puts the recipient's values in; a placeholder without a value is an error, never sent as is. */
export function fillPlaceholders(content: string, vars: Record<string, string>, format: "html" | "text"): string {
  return content.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name.toLowerCase()];
    if (value === undefined) throw new Error(`No value for the placeholder "${name.toLowerCase()}"`);
    return format === "html" ? escapeHtml(value) : value;
  });
}
