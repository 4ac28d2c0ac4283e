import { createPrivateKey } from "node:crypto";
import { dirname, join } from "node:path";
import { z } from "zod";

const DEV_SESSION_SECRET = "development-only-secret-do-not-use-in-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    DATABASE_PATH: z.string().min(1).default("./data/portal.db"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    /** SMTP connections in the pool, and so emails in flight at once. */
    MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
    MAIL_FROM: z.string().min(3).default("Social Prescribing Network <no-reply@spn.example.org>"),
    CONTACT_EMAIL: z.email().default("network@spn.example.org"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    PORTAL_DEMO: z.enum(["0", "1"]).default("0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // DKIM signing (optional, all three together): a PEM private key (newlines may be written as \n), e.g. selector "portal2027".
    DKIM_PRIVATE_KEY: z
      .string()
      .transform((value) => value.replace(/\\n/g, "\n"))
      .refine(isPrivateKey, "must be a PEM private key (RSA or Ed25519)")
      .optional(),
    DKIM_SELECTOR: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/, "must be a DNS label such as portal2027")
      .optional(),
    DKIM_DOMAIN: z
      .string()
      .regex(/^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/, "must be a domain name such as spn.example.org")
      .optional(),
    STORAGE_PATH: z.string().min(1).optional(),
    // Hosts whose video player a recording page may embed, e.g. "www.youtube-nocookie.com,player.vimeo.com".
    RECORDING_EMBED_HOSTS: z
      .string()
      .transform((value) => value.split(",").map((host) => host.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, "must be host names separated by commas")))
      .default([]),
    /** "off" when the mail and job worker runs in its own process (`npm run worker`). */
    WORKER: z.enum(["on", "off"]).default("on"),
  })
  .transform((env, ctx) => {
    // Production may run locally as the demo; only a real deployment must bring its own secret,
    // public URL and mail server. Without SMTP_URL every email (sign-in codes included) would be
    // captured and shown at /dev/mail, which only the demo may do.
    const isProduction = env.NODE_ENV === "production";
    const demo = env.PORTAL_DEMO === "1";
    if (isProduction && !demo) {
      const missing = (["SESSION_SECRET", "APP_URL", "SMTP_URL"] as const).filter((name) => !env[name]);
      for (const name of missing) {
        const why = name === "SMTP_URL" ? " (capturing email instead is only for the demo, PORTAL_DEMO=1)" : "";
        ctx.addIssue({ code: "custom", path: [name], message: `is required in production${why}` });
      }
      if (missing.length) return z.NEVER;
    }
    const dkimParts = [env.DKIM_PRIVATE_KEY, env.DKIM_SELECTOR, env.DKIM_DOMAIN];
    if (dkimParts.some(Boolean) && !dkimParts.every(Boolean)) {
      const missing = (["DKIM_PRIVATE_KEY", "DKIM_SELECTOR", "DKIM_DOMAIN"] as const).find((name) => !env[name])!;
      ctx.addIssue({ code: "custom", path: [missing], message: "is required when any DKIM_ variable is set" });
      return z.NEVER;
    }
    const appUrl = new URL(env.APP_URL ?? `http://localhost:${env.PORT}`);
    return {
      nodeEnv: env.NODE_ENV,
      isProduction,
      demo,
      port: env.PORT,
      appUrl,
      databasePath: env.DATABASE_PATH,
      smtpUrl: env.SMTP_URL,
      /** Without SMTP the portal keeps mail locally and shows it at /dev/mail. */
      mailCapture: !env.SMTP_URL,
      mailConcurrency: env.MAIL_CONCURRENCY,
      mailFrom: env.MAIL_FROM,
      contactEmail: env.CONTACT_EMAIL,
      sessionSecret: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
      secureCookies: appUrl.protocol === "https:",
      logLevel: env.LOG_LEVEL,
      /** Sign outgoing mail (nodemailer's dkim option); unset means unsigned. */
      dkim:
        env.DKIM_PRIVATE_KEY && env.DKIM_SELECTOR && env.DKIM_DOMAIN
          ? { privateKey: env.DKIM_PRIVATE_KEY, keySelector: env.DKIM_SELECTOR, domainName: env.DKIM_DOMAIN.toLowerCase() }
          : undefined,
      /** Uploaded files (recordings, slides): a folder beside the database unless set. */
      storagePath: env.STORAGE_PATH ?? join(dirname(env.DATABASE_PATH), "files"),
      recordingEmbedHosts: env.RECORDING_EMBED_HOSTS,
      /** Whether the web server runs the mail and job worker itself (the default single process). */
      worker: env.WORKER === "on",
    };
  });

function isPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).type === "private";
  } catch {
    return false;
  }
}

export type Config = z.output<typeof schema>;

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError with one line naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
  }
  return result.data;
}

let current: Config | undefined;

/** The process's configuration, read from the environment once. */
export function config(): Config {
  current ??= parseConfig(process.env);
  return current;
}
