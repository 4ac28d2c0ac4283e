import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "~/config.server";

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

  it("marks cookies Secure when the portal is served over https", () => {
    expect(parseConfig({ APP_URL: "https://portal.example.org" }).secureCookies).toBe(true);
    expect(parseConfig({ APP_URL: "http://localhost:3000" }).secureCookies).toBe(false);
  });
});
