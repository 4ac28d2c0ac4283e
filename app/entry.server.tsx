import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderDocument } from "~/lib/page-response.server";
import { NonceProvider } from "~/ui/nonce";

// The server entry (server/index.ts) reaches the app's runtime through the built entry module,
// so the worker and request handlers share one set of modules and one database handle.
export { startPortalRuntime } from "~/runtime.server";

// How long Remix waits for a loader's deferred data before giving up on it (none defers today); the page
// itself gives up a second later.
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  return renderDocument(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
    remixContext,
    responseHeaders,
    responseStatusCode,
    streamTimeout + 1_000,
  );
}
