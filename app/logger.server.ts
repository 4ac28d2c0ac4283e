import { pino } from "pino";

/** Structured JSON logs on stdout, one line an event. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" || process.env.VITEST ? "silent" : "info"),
  base: { service: "spn-portal" },
  redact: ["req.headers.cookie", "res.headers[\"set-cookie\"]"],
});
