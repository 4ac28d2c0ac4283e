import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CONTENT_ROOT, contentCompilations, loadContent, type ContentCollection } from "~/content/content.server";
import { faqAnchors, findContentProblems, KNOWN_ROUTES } from "~/content/links.server";
import { ContentError } from "~/content/render.server";
import { searchContent } from "~/content/search.server";

const fixture = (name: string) => join(process.cwd(), "tests/fixtures/content", name);

async function problemsIn(root: string): Promise<string[]> {
  const error = await loadContent(root).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).problems;
}

describe("the portal's content", () => {
  it.each(["faq", "guidance"])("compiles every file in content/%s", async (kind) => {
    const files = (await readdir(join(CONTENT_ROOT, kind))).filter((name) => name.endsWith(".mdx"));
    const collection = await loadContent();
    const documents = kind === "faq" ? collection.faq : collection.guidance;
    expect(documents.map((d) => `${d.slug}.mdx`).sort()).toEqual(files.sort());
    for (const doc of documents) expect(doc.html.length, doc.file).toBeGreaterThan(100);
    expect(collection.faq.length).toBeGreaterThanOrEqual(20);
    expect(collection.guidance.length).toBeGreaterThanOrEqual(5);
  });

  it("has no internal link that leads nowhere", async () => {
    const collection = await loadContent();
    expect(findContentProblems(collection)).toEqual([]);
    // And the links it checked are real: every /faq# anchor is a question or a section.
    const anchors = faqAnchors(collection);
    const links = [...collection.faq, ...collection.guidance].flatMap((doc) =>
      [...doc.html.matchAll(/ href="(\/[^"]*)"/g)].map((m) => m[1] as string),
    );
    expect(links.length).toBeGreaterThan(30);
    for (const href of links) {
      const [path, hash] = href.split("#") as [string, string | undefined];
      if (path === "/faq" && hash) expect(anchors.has(hash), href).toBe(true);
      else if (path.startsWith("/guidance/")) expect(collection.guidance.map((g) => `/guidance/${g.slug}`)).toContain(path);
      else expect(KNOWN_ROUTES, href).toContain(path);
    }
  });

  it("renders the SNOMED codes as text with a copy button hidden until JavaScript shows it", async () => {
    const { guidance } = await loadContent();
    const page = guidance.find((g) => g.slug === "recording-activity");
    expect(page?.html).toMatch(/<code[^>]*>871731000000106<\/code>/);
    expect(page?.html).toMatch(/<code[^>]*>871711000000103<\/code>/);
    expect(page?.html).toMatch(/<button[^>]*data-copy-code="871731000000106"[^>]*hidden=""/);
  });

  it("contains nothing the Content-Security-Policy would block", async () => {
    const { faq, guidance } = await loadContent();
    for (const doc of [...faq, ...guidance]) expect(doc.html, doc.file).not.toMatch(/ style=|<script| on[a-z]+=/i);
  });

  it("puts the configured contact address into the content", async () => {
    const { faq } = await loadContent();
    expect(faq.find((q) => q.slug === "contact-us")?.html).toContain('href="mailto:network@spn.example.org"');
  });
});

describe("broken content fails loudly", () => {
  it("names the file and the field when frontmatter is invalid", async () => {
    const problems = await problemsIn(fixture("bad-frontmatter"));
    const file = "tests/fixtures/content/bad-frontmatter/faq/missing-section.mdx";
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${file}:1: frontmatter "section" `)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${file}:1: frontmatter "lastReviewed" `)));
    expect(problems).toContainEqual(`${file}:5: frontmatter has unknown "lastreviewed" (check the spelling)`);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${file}:6: frontmatter "audience.0" `)));
    expect(problems).toHaveLength(4);
  });

  it("names the file and line of an MDX syntax error", async () => {
    const problems = await problemsIn(fixture("syntax-error"));
    expect(problems).toEqual([
      expect.stringMatching(/^tests\/fixtures\/content\/syntax-error\/guidance\/unclosed-tag\.mdx:12:1: Expected a closing tag for `<InsetText>`/),
    ]);
  });

  it("names the file and line of a component the portal does not provide", async () => {
    const problems = await problemsIn(fixture("unknown-component"));
    expect(problems).toEqual([
      expect.stringMatching(/^tests\/fixtures\/content\/unknown-component\/guidance\/unknown-component\.mdx:12: .*Accordion/),
    ]);
  });

  it("refuses a content folder without its faq or guidance folder", async () => {
    const root = await mkdtemp(join(tmpdir(), "spn-content-"));
    await cp(join(CONTENT_ROOT, "faq"), join(root, "faq"), { recursive: true });
    const problems = await problemsIn(root);
    expect(problems).toEqual([expect.stringMatching(/guidance: the folder is missing$/)]);
  });

  it("stops the build: the check script exits with the file and line", async () => {
    const run = promisify(execFile)("npx", ["tsx", "scripts/check-content.ts", "tests/fixtures/content/syntax-error"]);
    const failure = await run.then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("tests/fixtures/content/syntax-error/guidance/unclosed-tag.mdx:12:1: Expected a closing tag");
  });

  it("lists every link and related page that leads nowhere, and nothing else", async () => {
    const problems = await problemsIn(fixture("broken-links"));
    const question = "tests/fixtures/content/broken-links/faq/a-question.mdx";
    const guide = "tests/fixtures/content/broken-links/guidance/a-guide.mdx";
    expect(problems.sort()).toEqual(
      [
        `${question}:12: broken link "/faq#no-such-question": no question or section "no-such-question" on /faq`,
        `${question}:13: broken link "/guidance/no-such-guide": no guidance page "no-such-guide"`,
        `${question}:13: broken link "/guidance/a-guide#no-such-part": no "#no-such-part" on /guidance/a-guide`,
        `${question}:14: broken link "/no-such-page": no page at /no-such-page`,
        `${question}:14: broken link "join": links within the portal start with a single /`,
        `${guide}:10: related page "/guidance/missing-related" does not exist`,
      ].sort(),
    );
  });
});

describe("compiled content is cached by content hash", () => {
  it("compiles a page once per change", async () => {
    const root = await mkdtemp(join(tmpdir(), "spn-content-"));
    await cp(CONTENT_ROOT, root, { recursive: true });
    const source = join(root, "faq", "contact-us.mdx");
    await writeFile(source, (await readFile(source, "utf8")).replace("Email <ContactEmail />.", "Email us at <ContactEmail />."));

    // The real content is already compiled in this process; only the edited file is new.
    await loadContent();
    const before = contentCompilations();
    const first = await loadContent(root);
    expect(contentCompilations() - before).toBe(1);

    const again = await loadContent(root);
    expect(contentCompilations() - before).toBe(1);
    expect(again).toBe(first);

    await writeFile(source, (await readFile(source, "utf8")).replace("Email us at", "Write to"));
    const edited = await loadContent(root);
    expect(contentCompilations() - before).toBe(2);
    expect(edited.faq.find((q) => q.slug === "contact-us")?.html).toContain("Write to");
  });
});

describe("search", () => {
  async function hrefsFor(query: string, collection?: ContentCollection) {
    return (await searchContent(query, collection)).results.map((r) => r.href);
  }

  it("finds a question by a word that appears only in its answer", async () => {
    const { faq } = await loadContent();
    const question = faq.find((q) => q.slug === "joining-link");
    const word = "junk";
    expect(`${question?.frontmatter.title} ${question?.frontmatter.summary}`.toLowerCase()).not.toContain(word);
    expect(question?.text.toLowerCase()).toContain(word);
    expect(await hrefsFor(word)).toContain("/faq#joining-link");
  });

  it("finds guidance text, and puts the best match first", async () => {
    expect(await hrefsFor("SNOMED")).toContain("/guidance/recording-activity");
    expect((await hrefsFor("ONS4 wellbeing"))[0]).toMatch(/measuring-wellbeing|ons4-wellbeing-questions/);
  });

  it("ignores little words, so a question in plain English finds its answer", async () => {
    expect((await hrefsFor("How do I join the network?"))[0]).toBe("/faq#how-to-join");
  });

  it("puts a question first when searching for its own words, above pages that only mention them", async () => {
    const { faq, guidance } = await loadContent();
    for (const question of faq) {
      // A guide on the same subject (same slug) is as good a first answer.
      const first = (await hrefsFor(question.frontmatter.title))[0];
      const sameSubject = guidance.some((page) => page.slug === question.slug) ? [`/guidance/${question.slug}`] : [];
      expect([`/faq#${question.slug}`, ...sameSubject], question.frontmatter.title).toContain(first);
    }
  });

  it("says when no page has all the words, rather than offering pages that mention one of them as matches", async () => {
    const outcome = await searchContent("moderate workspace");
    expect(outcome.match).toBe("some-words");
    expect((await searchContent("SNOMED")).match).toBe("all-words");
  });

  it("leaves out results far weaker than the best", async () => {
    // The webinars FAQ and guide are about webinars; pages that mention them once are not results.
    expect(await hrefsFor("webinar")).not.toContain("/faq#unsubscribe-from-the-bulletin");
  });

  it("returns nothing when nothing matches", async () => {
    expect(await hrefsFor("xylophone")).toEqual([]);
    expect(await hrefsFor("the")).toEqual([]);
  });
});
