import type { EntryContext } from "@remix-run/node";
import { Suspense } from "react";
import { describe, expect, it } from "vitest";
import { renderDocument } from "~/lib/page-response.server";

/**
 * renderDocument's own rules (decision 0010). That Remix's real `<StreamTransfer>` writes the data it is handed
 * is checked through the production server (tests/integration/production-server.test.ts) and in the browser.
 */
type StreamCache = NonNullable<NonNullable<EntryContext["renderMeta"]>["streamCache"]>;

function contextWith(chunks: Uint8Array[] | "never ends"): EntryContext {
  const serverHandoffStream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (chunks === "never ends") return;
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return { serverHandoffStream, renderMeta: {} } as unknown as EntryContext;
}

/** Writes what `<StreamTransfer>` would from the cache, as one script and the end. */
function DataScripts({ context }: { context: EntryContext }) {
  const cache = context.renderMeta!.streamCache!;
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: `window.__remixContext.streamController.enqueue(${JSON.stringify(cache[0]!.result!.value)});` }} />
      <script dangerouslySetInnerHTML={{ __html: "window.__remixContext.streamController.close();" }} />
    </>
  );
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("renderDocument", () => {
  it("answers with the whole page after a doctype, as UTF-8 HTML with the status given", async () => {
    const headers = new Headers({ "X-Kept": "yes" });
    const response = await renderDocument(
      <html lang="en-GB">
        <body>Café – 10:00</body>
      </html>,
      { renderMeta: {} } as unknown as EntryContext,
      headers,
      404,
      1_000,
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-kept")).toBe("yes");
    expect(await response.text()).toBe('<!DOCTYPE html><html lang="en-GB"><body>Café – 10:00</body></html>');
  });

  it("hands over the page's data whole, however its parts split a character, marked as the last part", async () => {
    const euro = bytes("€");
    const context = contextWith([bytes('[{"a":"5 '), euro.slice(0, 1), euro.slice(1), bytes('"}]')]);
    const response = await renderDocument(<DataScripts context={context} />, context, new Headers(), 200, 1_000);
    const cache: StreamCache = context.renderMeta!.streamCache!;
    expect(cache[0]!.result).toEqual({ done: false, value: '[{"a":"5 €"}]' });
    expect(cache[1]!.result).toEqual({ done: true, value: "" });
    expect(await response.text()).toContain('enqueue("[{\\"a\\":\\"5 €\\"}]")');
    // `<RemixServer>` takes its own reader from the stream while it renders.
    expect(() => context.serverHandoffStream!.getReader()).not.toThrow();
  });

  it("refuses a page that read data ahead but never wrote its end, rather than send a page that cannot hydrate", async () => {
    const context = contextWith([bytes("[]")]);
    await expect(renderDocument(<p>No scripts</p>, context, new Headers(), 200, 1_000)).rejects.toThrow(/data for the browser was not written/);
  });

  it("refuses a page where a part suspended, which the string renderer would quietly leave out", async () => {
    const never = new Promise<never>(() => {});
    function Waits(): never {
      throw never;
    }
    const page = (
      <div>
        <Suspense fallback={<p>Loading</p>}>
          <Waits />
        </Suspense>
      </div>
    );
    await expect(renderDocument(page, { renderMeta: {} } as unknown as EntryContext, new Headers(), 200, 1_000)).rejects.toThrow(/suspended or failed/);
  });

  it("stops waiting for data that never ends", async () => {
    await expect(renderDocument(<p />, contextWith("never ends"), new Headers(), 200, 30)).rejects.toThrow(/took longer than 30 ms/);
  });
});
