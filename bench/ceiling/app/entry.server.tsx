import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
// The portal's own helper, so the ceiling's pages are rendered and answered exactly as the portal's are.
import { renderDocument } from "~/lib/page-response.server";
import { NonceContext } from "./nonce";

/** Renders the page as the portal's app/entry.server.tsx does (CSP nonce on every script). */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  return renderDocument(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
    remixContext,
    responseHeaders,
    responseStatusCode,
    6_000,
  );
}
