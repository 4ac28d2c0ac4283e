import { describe, expect, it } from "vitest";
import { readCookie } from "~/lib/cookies.server";

function requestWith(cookie?: string): Request {
  return new Request("http://portal.test/", cookie === undefined ? {} : { headers: { Cookie: cookie } });
}

describe("readCookie", () => {
  it("finds one cookie among several, with or without spaces after the semicolons", () => {
    const request = requestWith("theme=dark;spn_session=abc123; spn_flash=payload.signature");
    expect(readCookie(request, "spn_session")).toBe("abc123");
    expect(readCookie(request, "spn_flash")).toBe("payload.signature");
    expect(readCookie(request, "theme")).toBe("dark");
  });

  it("keeps equals signs inside a value", () => {
    expect(readCookie(requestWith("data=a=b=="), "data")).toBe("a=b==");
  });

  it("takes the first of two cookies with the same name", () => {
    expect(readCookie(requestWith("id=first; id=second"), "id")).toBe("first");
  });

  it("removes the double quotes around a quoted value", () => {
    expect(readCookie(requestWith('note="hello there"; other=1'), "note")).toBe("hello there");
    expect(readCookie(requestWith('note="'), "note")).toBe('"');
  });

  it("decodes percent-escapes", () => {
    expect(readCookie(requestWith("name=caf%C3%A9%3B%20bar"), "name")).toBe("café; bar");
  });

  it("returns a value with a malformed escape as sent, without throwing", () => {
    expect(readCookie(requestWith("bad=100%; next=%E0%A4%A"), "bad")).toBe("100%");
    expect(readCookie(requestWith("bad=100%; next=%E0%A4%A"), "next")).toBe("%E0%A4%A");
  });

  it("returns null when the cookie, or the header, is missing", () => {
    expect(readCookie(requestWith(), "spn_session")).toBeNull();
    expect(readCookie(requestWith(""), "spn_session")).toBeNull();
    expect(readCookie(requestWith("spn_session_old=1; xspn_session=2; spn_session"), "spn_session")).toBeNull();
  });

  it("returns an empty string for a cookie sent with no value", () => {
    expect(readCookie(requestWith("spn_flash=; other=1"), "spn_flash")).toBe("");
  });
});
