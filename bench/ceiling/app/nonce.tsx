import { createContext, useContext } from "react";

/** The per-request CSP nonce, as the portal passes it (app/ui/nonce.tsx). */
export const NonceContext = createContext<string | undefined>(undefined);
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
