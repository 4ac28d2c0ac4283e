import type { PermanentFailureHandler } from "./delivery.server";

/**
 * Everything told when an email is refused for good (an SMTP 5xx), passed to the worker. Features add
 * theirs here (e.g. the bulletin marks the address as bouncing when one of its emails is refused).
 */
export const permanentFailureHandlers: readonly PermanentFailureHandler[] = [];
