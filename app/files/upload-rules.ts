import type { FileFormat } from "./formats.server";
import { sizeInWords } from "./sizes";

/** What one upload accepts, and what a page says about it. Browser-safe, so a form can check a file's size before sending it. */

export interface UploadRule<F extends FileFormat = FileFormat> {
  formats: readonly F[];
  maxBytes: number;
  /** The allowed types in words, e.g. "a PDF or PowerPoint (.pptx) file". */
  described: string;
}

/** The refusal for a file over the rule's limit; an upload page shows the same words before sending. */
export function tooLargeMessage(rule: { maxBytes: number }): string {
  return `The selected file must be smaller than ${sizeInWords(rule.maxBytes)}`;
}
