import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
// The portal's own helper, so the ceiling's pages are answered exactly as the portal's are.
import { collectPage } from "~/lib/page-response.server";
import { NonceContext } from "./nonce";

/** Renders the page as the portal's app/entry.server.tsx does (all of it, then one buffer; CSP nonce on every script). */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(abortTimer);
          resolve(collectPage(pipe, responseHeaders, responseStatusCode));
        },
        onShellError: reject,
      },
    );
    const abortTimer = setTimeout(abort, 6_000);
  });
}
