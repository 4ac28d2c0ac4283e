import { dirname } from "node:path";
import { bundleMDX } from "mdx-bundler";
// The folder import "mdx-bundler/client" is not valid ESM in Node; name the file.
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { renderToStaticMarkup } from "react-dom/server";
import { mdxComponents, RenderSettingsContext, type RenderSettings } from "./components";

/** One or more problems in content files, each "file:line:column: message". */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content problems:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ContentError";
  }
}

export interface RenderedMdx {
  frontmatter: Record<string, unknown>;
  html: string;
}

/**
 * Compiles MDX with mdx-bundler and renders it to HTML here on the server: the browser's CSP
 * forbids eval, so only the HTML (our own trusted content) is sent to it.
 */
export async function renderMdx(
  source: string,
  { path, file }: { path: string; file: string },
  settings: RenderSettings,
): Promise<RenderedMdx> {
  let result: Awaited<ReturnType<typeof bundleMDX>>;
  try {
    result = await bundleMDX({
      source,
      cwd: dirname(path),
      esbuildOptions: (options) => ({ ...options, logLevel: "silent" }),
    });
  } catch (error) {
    throw new ContentError([describeCompileError(error, file)]);
  }
  const Content = getMDXComponent(result.code);
  try {
    const html = renderToStaticMarkup(
      <RenderSettingsContext.Provider value={settings}>
        <Content components={mdxComponents} />
      </RenderSettingsContext.Provider>,
    );
    return { frontmatter: result.frontmatter as Record<string, unknown>, html };
  } catch (error) {
    throw new ContentError([describeRenderError(error, file, source)]);
  }
}

interface EsbuildMessage {
  text: string;
  location?: { line: number; column: number } | null;
  detail?: { cause?: { reason?: string; line?: number; column?: number } };
}

function describeCompileError(error: unknown, file: string): string {
  const first = (error as { errors?: EsbuildMessage[] }).errors?.[0];
  if (first) {
    const cause = first.detail?.cause;
    const reason = cause?.reason ?? first.text;
    // An error at the end of the file has no position of its own; its message names where it started.
    const mentioned = /\((\d+):(\d+)-/.exec(reason);
    const located = first.location?.line ? [first.location.line, first.location.column + 1] : undefined;
    const [line, column] = cause?.line
      ? [cause.line, cause.column]
      : mentioned
        ? [Number(mentioned[1]), Number(mentioned[2])]
        : (located ?? []);
    const where = line ? `:${line}${column ? `:${column}` : ""}` : "";
    return `${file}${where}: ${reason}`;
  }
  // gray-matter reports YAML errors with a zero-based mark.
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
  if (mark) return `${file}:${mark.line + 1}:${mark.column + 1}: frontmatter is not valid YAML: ${reason}`;
  return `${file}: ${reason}`;
}

/** MDX only finds an unknown component when rendering; point at the first line that uses it. */
function describeRenderError(error: unknown, file: string, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = /Expected component `([^`]+)`/.exec(message)?.[1];
  const line = name ? lineOf(source, new RegExp(`<${name}[\\s/>]`)) : undefined;
  const known = Object.keys(mdxComponents).filter((key) => /^[A-Z]/.test(key));
  const hint = name ? ` (components available: ${known.join(", ")})` : "";
  return `${file}${line ? `:${line}` : ""}: ${message}${hint}`;
}

/** The 1-based line where `pattern` first matches, if it does. */
export function lineOf(source: string, pattern: RegExp | string): number | undefined {
  const index = typeof pattern === "string" ? source.indexOf(pattern) : source.search(pattern);
  return index < 0 ? undefined : source.slice(0, index).split("\n").length;
}
