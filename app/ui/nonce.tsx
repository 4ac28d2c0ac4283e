import { createContext, useContext } from "react";

/** The per-request Content-Security-Policy nonce, provided by entry.server. */
export const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
