import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { isBulletinEmailPage } from "~/bulletin/http-rules";
import { isOneClickForm, isOneClickUnsubscribe, oneClickHeader } from "~/mail/one-click-unsubscribe";
import { sameOriginWrites } from "../../server/security";

const TOKEN = "abcdefghijklmnopqrstuvwxyz234567";
const APP = "https://portal.example.org";

function request(method: string, path: string, headers: Record<string, string>): Request {
  const lower: Record<string, string> = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, path, headers: lower, get: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
}

/** What the server's same-origin check does with a request: "next" (let through) or the status it refused with. */
function verdict(req: Request): "next" | number {
  let status: number | undefined;
  const res = { status: (code: number) => ((status = code), res), type: () => res, send: () => res } as unknown as Response;
  const next = vi.fn() as NextFunction;
  sameOriginWrites(APP)(req, res, next);
  return (next as unknown as { mock: { calls: unknown[] } }).mock.calls.length ? "next" : status!;
}

const oneClick = { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "26" };
const crossSite = { Origin: "https://mail.example.net", "Sec-Fetch-Site": "cross-site" };

describe("the server's same-origin check and the one-click unsubscribe", () => {
  it("lets a cross-site one-click POST to /unsubscribe/<token> through, without the Origin Remix would refuse", () => {
    const req = request("POST", `/unsubscribe/${TOKEN}`, { ...oneClick, ...crossSite });
    expect(verdict(req)).toBe("next");
    expect(req.headers.origin).toBeUndefined();
    expect(verdict(request("POST", `/unsubscribe/${TOKEN}`, { ...oneClick, Origin: "null" }))).toBe("next");
    const multipart = { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": "140" };
    expect(verdict(request("POST", `/unsubscribe/${TOKEN}`, { ...multipart, ...crossSite }))).toBe("next");
  });

  it.each(["/workspaces", "/event-emails"])("lets a cross-site one-click POST to a list's own unsubscribe path through (%s)", (prefix) => {
    const req = request("POST", `${prefix}/unsubscribe/${TOKEN}`, { ...oneClick, ...crossSite });
    expect(verdict(req)).toBe("next");
    expect(req.headers.origin).toBeUndefined();
  });

  it("marks one-click only for an https address, or this machine's", () => {
    expect(oneClickHeader(`https://portal.example.org/unsubscribe/${TOKEN}`)).toEqual({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(oneClickHeader(`http://localhost:3000/workspaces/unsubscribe/${TOKEN}`)).toEqual({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(oneClickHeader(`http://portal.example.org/unsubscribe/${TOKEN}`)).toEqual({});
  });

  it.each([
    ["the page's own buttons", "POST", `/unsubscribe/${TOKEN}/confirm`, oneClick],
    ["Remix's data requests", "POST", `/unsubscribe/${TOKEN}.data`, oneClick],
    ["a path that is not a token", "POST", "/unsubscribe/../account/leave", oneClick],
    ["a feature's data requests", "POST", `/workspaces/unsubscribe/${TOKEN}.data`, oneClick],
    ["an unsubscribe path nested deeper", "POST", `/admin/workspaces/unsubscribe/${TOKEN}`, oneClick],
    ["a token of the wrong shape", "POST", "/unsubscribe/12-0123456789abcdef0123456789abcdef", oneClick],
    ["another page", "POST", "/account/preferences", oneClick],
    ["JSON", "POST", `/unsubscribe/${TOKEN}`, { "Content-Type": "application/json", "Content-Length": "26" }],
    ["a body with no length", "POST", `/unsubscribe/${TOKEN}`, { "Content-Type": "application/x-www-form-urlencoded" }],
    ["a large body", "POST", `/unsubscribe/${TOKEN}`, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "5000" }],
    ["another method", "PUT", `/unsubscribe/${TOKEN}`, oneClick],
  ])("still refuses %s from another site", (_name, method, path, headers) => {
    expect(isOneClickUnsubscribe(request(method, path, headers))).toBe(false);
    const req = request(method, path, { ...headers, ...crossSite });
    expect(verdict(req)).toBe(403);
    expect(req.headers.origin).toBe(crossSite.Origin);
  });

  it("knows the one-click form exactly", () => {
    const form = (entries: Array<[string, string]>) => {
      const data = new FormData();
      for (const [key, value] of entries) data.append(key, value);
      return data;
    };
    expect(isOneClickForm(form([["List-Unsubscribe", "One-Click"]]))).toBe(true);
    expect(isOneClickForm(form([]))).toBe(false);
    expect(isOneClickForm(form([["List-Unsubscribe", "one-click"]]))).toBe(false);
    expect(isOneClickForm(form([["List-Unsubscribe", "One-Click"], ["intent", "resubscribe"]]))).toBe(false);
    expect(isOneClickForm(form([["List-Unsubscribe", "One-Click"], ["List-Unsubscribe", "One-Click"]]))).toBe(false);
  });

  it("names the page that shows email HTML under its own policy, and no others", () => {
    expect(isBulletinEmailPage("/admin/bulletins/3/email-preview")).toBe(true);
    expect(isBulletinEmailPage("/bulletins/3/email")).toBe(false);
    expect(isBulletinEmailPage("/bulletins/3")).toBe(false);
    expect(isBulletinEmailPage("/admin/bulletins/3")).toBe(false);
    expect(isBulletinEmailPage("/bulletins/3/email/x")).toBe(false);
  });
});
