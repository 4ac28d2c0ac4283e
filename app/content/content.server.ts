import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { z } from "zod";
import { config } from "~/config.server";
import { faqFrontmatter, guidanceFrontmatter, type FaqFrontmatter, type GuidanceFrontmatter } from "./frontmatter.server";
import { findContentProblems } from "./links.server";
import { ContentError, lineOf, renderMdx } from "./render.server";
import { SECTION_IDS } from "./sections";

/** The content folder; the server, the build check and the tests run from the project root. */
export const CONTENT_ROOT = resolve(process.cwd(), "content");

interface Compiled<F> {
  frontmatter: F;
  html: string;
  /** Plain text of the rendered page, for search. */
  text: string;
  /** Every id in the HTML, so links to a part of a page can be checked. */
  anchors: string[];
}

interface DocumentBase<K, F> extends Compiled<F> {
  kind: K;
  slug: string;
  /** Path from the project root, for messages. */
  file: string;
  source: string;
}

export type FaqQuestion = DocumentBase<"faq", FaqFrontmatter>;
export type GuidancePage = DocumentBase<"guidance", GuidanceFrontmatter>;
export type ContentDocument = FaqQuestion | GuidancePage;

export interface ContentCollection {
  /** Hash of every file's content hash: changes when any file is added, removed or edited. */
  key: string;
  /** In page order: by section, then `order`. */
  faq: FaqQuestion[];
  guidance: GuidancePage[];
}

const KINDS = { faq: faqFrontmatter, guidance: guidanceFrontmatter } as const;
type Kind = keyof typeof KINDS;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface SourceFile {
  kind: Kind;
  slug: string;
  /** Absolute path, and the path from the project root for messages. */
  path: string;
  file: string;
  source: string;
  hash: string;
}

// Compiled pages by content hash: a page is compiled once per change, however many requests ask.
const compiled = new Map<string, Promise<Compiled<unknown>>>();
const collections = new Map<string, { key: string; collection: ContentCollection; hashes: Set<string> }>();
let compilations = 0;

/** How many pages have been compiled since the process started (for the cache tests and the bench). */
export function contentCompilations(): number {
  return compilations;
}

/**
 * All FAQ and guidance content under `root`, compiled, validated and cross-checked (links, related
 * pages). Throws ContentError listing every problem with its file and line.
 */
export async function loadContent(root: string = CONTENT_ROOT): Promise<ContentCollection> {
  // Deployed content changes only with a deploy: read the files once, not on every page view.
  const settings = config();
  const loaded = collections.get(root);
  if (settings.isProduction && loaded) return loaded.collection;
  const contactEmail = settings.contactEmail;
  const { files, problems } = await readSources(root, contactEmail);
  const key = sha256(files.map((f) => `${f.kind}/${f.slug}:${f.hash}`).join("\n"));
  const known = collections.get(root);
  if (known?.key === key && problems.length === 0) return known.collection;

  const settled = await Promise.allSettled(files.map((file) => compile(file, contactEmail)));
  const documents: ContentDocument[] = [];
  settled.forEach((outcome, index) => {
    const file = files[index] as SourceFile;
    if (outcome.status === "rejected") {
      const error: unknown = outcome.reason;
      problems.push(...(error instanceof ContentError ? error.problems : [`${file.file}: ${String(error)}`]));
    } else {
      documents.push({ kind: file.kind, slug: file.slug, file: file.file, source: file.source, ...outcome.value } as ContentDocument);
    }
  });
  if (problems.length) throw new ContentError(problems);

  const collection: ContentCollection = {
    key,
    faq: sortForPage(documents.filter((d): d is FaqQuestion => d.kind === "faq")),
    guidance: sortForPage(documents.filter((d): d is GuidancePage => d.kind === "guidance")),
  };
  const crossProblems = findContentProblems(collection);
  if (crossProblems.length) throw new ContentError(crossProblems);

  // Forget compiled pages this folder no longer uses, so edits do not pile up in memory.
  const hashes = new Set(files.map((f) => f.hash));
  for (const old of known?.hashes ?? []) if (!hashes.has(old)) compiled.delete(old);
  collections.set(root, { key, collection, hashes });
  return collection;
}

async function readSources(root: string, contactEmail: string): Promise<{ files: SourceFile[]; problems: string[] }> {
  const problems: string[] = [];
  const wanted: Omit<SourceFile, "source" | "hash">[] = [];
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const folder = join(root, kind);
    const names = await readdir(folder).catch(ifMissing(undefined));
    if (!names) {
      problems.push(`${relative(process.cwd(), folder)}: the folder is missing`);
      continue;
    }
    for (const name of names.sort()) {
      if (name.startsWith(".")) continue;
      const path = join(folder, name);
      const file = relative(process.cwd(), path);
      const slug = name.replace(/\.mdx$/, "");
      if (!name.endsWith(".mdx")) problems.push(`${file}: only .mdx files belong in ${kind}/`);
      else if (!SLUG.test(slug)) {
        problems.push(`${file}: the file name is the page's address, so use lower-case letters, digits and hyphens`);
      } else wanted.push({ kind, slug, path, file });
    }
  }
  const files = await Promise.all(
    wanted.map(async (entry) => {
      const source = await readFile(entry.path, "utf8");
      // The hash covers everything the compiled result depends on.
      return { ...entry, source, hash: sha256(`${entry.kind}\0${contactEmail}\0${source}`) };
    }),
  );
  return { files, problems };
}

function compile(file: SourceFile, contactEmail: string): Promise<Compiled<unknown>> {
  let entry = compiled.get(file.hash);
  if (!entry) {
    entry = compileNow(file, contactEmail);
    compiled.set(file.hash, entry);
    // A failure is not cached: the next request reports it again (and retries after a fix).
    entry.catch(() => compiled.delete(file.hash));
  }
  return entry;
}

async function compileNow({ kind, path, file, source }: SourceFile, contactEmail: string): Promise<Compiled<unknown>> {
  compilations += 1;
  const { frontmatter, html } = await renderMdx(source, { path, file }, {
    contactEmail,
    calloutHeadingLevel: kind === "faq" ? 4 : 3,
  });
  const parsed = KINDS[kind].safeParse(frontmatter);
  if (!parsed.success) throw new ContentError(frontmatterProblems(parsed.error, file, source));
  return { frontmatter: parsed.data, html, text: htmlToText(html), anchors: [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] as string) };
}

function frontmatterProblems(error: z.ZodError, file: string, source: string): string[] {
  const lineOfKey = (key: PropertyKey | undefined) =>
    typeof key === "string" ? lineOf(source, new RegExp(`^${key.replace(/[^\w-]/g, "\\$&")}\\s*:`, "m")) : undefined;
  return error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return `${file}:${lineOfKey(issue.keys[0]) ?? 1}: frontmatter has unknown ${issue.keys.map((k) => `"${k}"`).join(", ")} (check the spelling)`;
    }
    // Point at the key's line, or at the opening "---" when the key is missing.
    return `${file}:${lineOfKey(issue.path[0]) ?? 1}: frontmatter "${issue.path.join(".")}" ${issue.message}`;
  });
}

function sortForPage<D extends ContentDocument>(documents: D[]): D[] {
  const sectionIndex = (d: D) => SECTION_IDS.indexOf(d.frontmatter.section);
  return documents.sort(
    (a, b) =>
      sectionIndex(a) - sectionIndex(b) ||
      a.frontmatter.order - b.frontmatter.order ||
      a.frontmatter.title.localeCompare(b.frontmatter.title),
  );
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'" };

/** Text of our own rendered HTML (React escapes only these five characters); buttons are not content. */
export function htmlToText(html: string): string {
  return html
    .replace(/<button[\s\S]*?<\/button>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, name: string) => ENTITIES[name] as string)
    .replace(/\s+/g, " ")
    .trim();
}

function ifMissing<T>(fallback: T) {
  return (error: NodeJS.ErrnoException): T => {
    if (error.code === "ENOENT") return fallback;
    throw error;
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
