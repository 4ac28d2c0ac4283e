import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "~/config.server";
import { capturedMailReadable } from "~/mail/captured-mail.server";

describe("configuration", () => {
  it("has development defaults: port 3000, SQLite file, capture mode", () => {
    const settings = parseConfig({});
    expect(settings.port).toBe(3000);
    expect(settings.databasePath).toBe("./data/portal.db");
    expect(settings.mailCapture).toBe(true);
    expect(settings.appUrl.origin).toBe("http://localhost:3000");
  });

  it("uses SMTP when SMTP_URL is set", () => {
    const settings = parseConfig({ SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(settings.mailCapture).toBe(false);
  });

  it("names the bad variable in one line", () => {
    expect(() => parseConfig({ PORT: "seventy" })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: "seventy" })).toThrow(/^Invalid configuration: PORT /);
    expect(() => parseConfig({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL must start with smtp:\/\//);
    expect(() => parseConfig({ CONTACT_EMAIL: "nobody" })).toThrow(/CONTACT_EMAIL/);
  });

  it("refuses to start in production without a session secret or public URL", () => {
    expect(() => parseConfig({ NODE_ENV: "production", APP_URL: "https://portal.example.org" })).toThrow(
      "Invalid configuration: SESSION_SECRET is required in production",
    );
    expect(() => parseConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) })).toThrow(/APP_URL is required/);
    expect(() => parseConfig({ NODE_ENV: "production", SESSION_SECRET: "short", APP_URL: "https://p.example.org" })).toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    );
    const demo = parseConfig({ NODE_ENV: "production", PORTAL_DEMO: "1" });
    expect(demo.demo).toBe(true);
  });

  it("refuses to start in production without SMTP_URL: capturing email is for the demo, development and tests only", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), APP_URL: "https://portal.example.org" };
    expect(() => parseConfig(production)).toThrow(
      "Invalid configuration: SMTP_URL is required in production (capturing email instead is only for the demo, PORTAL_DEMO=1)",
    );
    expect(parseConfig({ ...production, SMTP_URL: "smtps://mail.example.org" }).mailCapture).toBe(false);
    expect(parseConfig({ ...production, PORTAL_DEMO: "1" }).mailCapture).toBe(true);
    expect(parseConfig({ NODE_ENV: "test" }).mailCapture).toBe(true);
    // Every missing variable is named, still on one line.
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(
      /^Invalid configuration: SESSION_SECRET is required in production; APP_URL is required in production; SMTP_URL is required/,
    );
  });

  it("shows captured mail only outside production or in the demo, even if capture were somehow on", () => {
    expect(capturedMailReadable({ mailCapture: true, isProduction: false, demo: false })).toBe(true);
    expect(capturedMailReadable({ mailCapture: true, isProduction: true, demo: true })).toBe(true);
    expect(capturedMailReadable({ mailCapture: true, isProduction: true, demo: false })).toBe(false);
    expect(capturedMailReadable({ mailCapture: false, isProduction: false, demo: false })).toBe(false);
  });

  it("runs the worker in the web server unless WORKER=off", () => {
    expect(parseConfig({}).worker).toBe(true);
    expect(parseConfig({ WORKER: "off" }).worker).toBe(false);
    expect(() => parseConfig({ WORKER: "no" })).toThrow(/^Invalid configuration: WORKER /);
  });

  it("marks cookies Secure when the portal is served over https", () => {
    expect(parseConfig({ APP_URL: "https://portal.example.org" }).secureCookies).toBe(true);
    expect(parseConfig({ APP_URL: "http://localhost:3000" }).secureCookies).toBe(false);
  });
});
