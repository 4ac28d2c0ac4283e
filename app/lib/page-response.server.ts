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
 * the same `<script>`s as a streamed render. Remix's own timeout (the entry's `streamTimeout`) still ends the
 * stream if data ever waits too long. The portal's entry and the benchmark's ceiling app both render this way.
 */
export async function renderDocument(page: ReactElement, context: EntryContext, headers: Headers, status: number): Promise<Response> {
  await readPageDataAhead(context);
  const html = renderToString(page);
  headers.set("Content-Type", "text/html; charset=utf-8");
  // A Buffer, not the string: undici would first scan the whole string for lone surrogates.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers, status });
}

async function readPageDataAhead(context: EntryContext): Promise<void> {
  if (!context.serverHandoffStream) return;
  const reader = context.serverHandoffStream.getReader();
  const decoder = new TextDecoder();
  let data = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    data += decoder.decode(value, { stream: true });
  }
  data += decoder.decode();
  // `<RemixServer>` still takes a reader from the (now finished) stream as it renders.
  reader.releaseLock();
  const part = (result: { done: boolean; value: string }) => Object.assign(Promise.resolve(), { result });
  context.renderMeta ??= {};
  context.renderMeta.streamCache = { 0: part({ done: false, value: data }), 1: part({ done: true, value: "" }) };
}
