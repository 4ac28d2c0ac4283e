import { z } from "zod";

/**
 * Characters that have no place in a name, an organisation, a reason, a note or a post: C0 and C1
 * control characters (NUL, escape sequences…) other than tab and line breaks, DEL, and the bidi
 * embeddings, overrides and isolates that make text display in a different order from how it is
 * stored ("Trojan Source"). Ordinary right-to-left text needs none of them.
 */
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The text without hidden characters; one-line text also loses tabs and line breaks (as spaces). */
export function stripHiddenCharacters(value: string, options: { multiline?: boolean } = {}): string {
  const cleaned = value.replace(/\r\n?/g, "\n").replace(HIDDEN_CHARACTERS, "");
  return options.multiline ? cleaned.replace(/\t/g, " ") : cleaned.replace(/[\t\n]/g, " ");
}

/**
 * A string field of free text typed by a person, cleaned of hidden characters before any other check,
 * so `.trim().min(1)` after it sees what will be stored. Browser-safe: forms check with it as you type.
 */
export function plainText(options: { error?: string; multiline?: boolean } = {}) {
  return textField(options.error).overwrite((value) => stripHiddenCharacters(value, options));
}

/**
 * A string field of Markdown typed by a person (a post's body): the same hidden characters go, but
 * tabs, line breaks and carriage returns stay, as Markdown gives them meaning (paragraphs, code).
 */
export function markdownText(options: { error?: string } = {}) {
  return textField(options.error).overwrite((value) => value.replace(HIDDEN_CHARACTERS, ""));
}

function textField(error: string | undefined) {
  return z.string(error ? { error } : undefined);
}
