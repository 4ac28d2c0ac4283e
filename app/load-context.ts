declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for inline scripts, matching this response's Content-Security-Policy. */
    cspNonce: string;
    /** The client's address as the server saw it (after trusted proxies). */
    clientIp: string;
  }
}

export {};
