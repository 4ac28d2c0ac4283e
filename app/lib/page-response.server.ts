import type { EntryContext } from "@remix-run/node";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";

/**
 * Renders a whole page to one buffer (decision 0010). No loader here defers data, so nothing is gained by
 * streaming; React's streaming renderer also encodes each of the page's thousands of small pieces to UTF-8 on
 * its own, a fifth to a third of a page's time, where `renderToString` joins them as one string.
 *
 * Remix sends the browser the page's data (for hydration) from a stream that its `<StreamTransfer>` reads
 * while React renders, suspending until each part arrives, which `renderToString` cannot wait for. So the
 * stream is read to the end first and handed over as already read, through the render cache that
 * `<StreamTransfer>` keeps in the context (`renderMeta.streamCache`, keyed by part number): the page carries
 * the same `<script>`s as a streamed render. The portal's entry and the benchmark's ceiling app both render
 * this way.
 *
 * `renderToString` shows a fallback for anything that suspends or fails inside a `<Suspense>` and says
 * nothing, so a page with such a gap, or without the end of its data, is an error here: Remix logs it and
 * renders the error page instead of sending a page that would not hydrate.
 */
export async function renderDocument(
  page: ReactElement,
  context: EntryContext,
  headers: Headers,
  status: number,
  /** How long to wait for the page's data, as the old streaming render's abort did. */
  timeoutMs: number,
): Promise<Response> {
  const readAhead = await readPageDataAhead(context, timeoutMs);
  // A Buffer, not the string: undici would first scan the whole string for lone surrogates, and searching the
  // bytes below is far quicker than searching the string React built up piece by piece.
  const body = Buffer.from(`<!DOCTYPE html>${renderToString(page)}`);
  if (body.includes(CLIENT_RENDERED_BOUNDARY)) throw new Error("Part of the page suspended or failed while rendering.");
  if (readAhead && !body.includes(END_OF_DATA, body.length - END_OF_DATA.length - 100)) {
    throw new Error("The page's data for the browser was not written: has Remix's <StreamTransfer> changed?");
  }
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers, status });
}

/** React's mark for a `<Suspense>` boundary it rendered as its fallback, leaving it to the browser. */
const CLIENT_RENDERED_BOUNDARY = "<!--$!-->";
/** The last script `<StreamTransfer>` writes, once it has written all the data (only its Suspense marks follow). */
const END_OF_DATA = "window.__remixContext.streamController.close();</script>";

/** Reads Remix's page data to its end; false if the page has none (a page without `<Scripts>`). */
async function readPageDataAhead(context: EntryContext, timeoutMs: number): Promise<boolean> {
  if (!context.serverHandoffStream) return false;
  const reader = context.serverHandoffStream.getReader();
  // Remix's own timeout for deferred data stops when the request is aborted; this one always ends the wait.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void reader.cancel();
  }, timeoutMs);
  const decoder = new TextDecoder();
  let data = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      data += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
  }
  if (timedOut) throw new Error(`The page's data took longer than ${timeoutMs} ms.`);
  data += decoder.decode();
  // `<RemixServer>` still takes a reader from the (now finished) stream as it renders.
  reader.releaseLock();
  const part = (result: { done: boolean; value: string }) => Object.assign(Promise.resolve(), { result });
  context.renderMeta ??= {};
  context.renderMeta.streamCache = { 0: part({ done: false, value: data }), 1: part({ done: true, value: "" }) };
  return true;
}
