import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "~/demo/seed.server";
import { closeDb } from "~/db.server";
import { testDatabase } from "../support/database";
import {
  answers,
  descendants,
  ensureBuilt,
  freePort,
  isRunning,
  killLeftovers,
  poll,
  productionEnv,
  residentMb,
  start,
  waitUntilUp,
  type Started,
} from "../support/production-server";
import { SmtpSink } from "../support/smtp-sink";

/**
 * The compiled production server started as operators start it (plain node on build/portal, or
 * `npm start`), with the environment README's Operations section asks for.
 */
const MB = 1024 * 1024;
const sink = new SmtpSink();

beforeAll(async () => {
  ensureBuilt();
  await sink.start();
}, 120_000);
afterAll(async () => {
  killLeftovers();
  await sink.stop();
});

describe("configuration", () => {
  it("refuses to start in production without SMTP_URL, naming it in one line", async () => {
    const port = await freePort();
    // NODE_ENV is not set: the compiled server is production unless told otherwise.
    const server = start(productionEnv(port, { DATABASE_PATH: `${process.env.DATABASE_PATH}-unused` }));
    await poll(() => server.child.exitCode !== null, 15_000, () => "the server to exit");
    expect(server.child.exitCode).toBe(1);
    expect(server.output().trim()).toBe(
      "Invalid configuration: SMTP_URL is required in production (capturing email instead is only for the demo, PORTAL_DEMO=1)",
    );
  });
});

describe("a running production server", () => {
  let server: Started;
  let origin: string;

  beforeAll(async () => {
    // The server shares this test file's database file, seeded with the demo members first.
    await seedDemoData(await testDatabase());
    await closeDb();
    const port = await freePort();
    origin = `http://localhost:${port}`;
    server = start(productionEnv(port, { SMTP_URL: sink.url, DATABASE_PATH: process.env.DATABASE_PATH }));
    await waitUntilUp(origin, server);
  }, 60_000);
  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
  });

  const post = (path: string, headers: Record<string, string>, body?: string) =>
    fetch(`${origin}${path}`, { method: "POST", headers, body, redirect: "manual" });

  it("sends a page with its data for hydration, then the end of it, and the response's CSP nonce on every script (decision 0010)", async () => {
    for (const [path, status, data] of [
      ["/faq", 200, ["routes/faq._index"]],
      ["/no-such-page", 404, ["RouteErrorResponse", "404"]],
    ] as const) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(status);
      const html = await response.text();
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce, path).toBeTruthy();
      expect(html.startsWith("<!DOCTYPE html><html"), path).toBe(true);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length, path).toBeGreaterThan(2);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      // The page's data, read ahead of rendering, then its end: what the browser hydrates from.
      const transfers = [...html.matchAll(/window\.__remixContext\.streamController\.(enqueue|close)\(([^<]*)\);<\/script>/g)];
      expect(transfers.map(([, call]) => call), path).toEqual(["enqueue", "close"]);
      for (const word of data) expect(transfers[0]![2], path).toContain(word);
    }
  });

  it("turns off powerful browser features on pages, errors and the health check", async () => {
    for (const path of ["/", "/no-such-page", "/healthz"]) {
      expect((await fetch(`${origin}${path}`)).headers.get("permissions-policy"), path).toBe(
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()",
      );
    }
  });

  it("answers Remix's old data requests (?_data=) with 404: the pages use single fetch", async () => {
    for (const path of ["/?_data=root", "/workspaces?_data=routes%2Fworkspaces._index", "/sign-in?_data"]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain("Page not found");
    }
    expect((await fetch(`${origin}/?data=1`)).status).toBe(200);
  });

  it("has no /dev/mail", async () => {
    for (const path of ["/dev/mail", "/dev/mail/1", "/dev/mail/1/html", "/dev/mail.data"]) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    }
  });

  it("answers a write that is not a form with 415, or 400 without a type, before the app runs", async () => {
    for (const path of ["/sign-in", "/sign-in.data"]) {
      for (const type of ["application/json", "text/plain", "application/xml"]) {
        const response = await post(path, { "Content-Type": type }, type === "application/json" ? '{"email":"a@nhs.net"}' : "email=a@nhs.net");
        expect(response.status, `${path} ${type}`).toBe(415);
        expect(response.headers.get("content-type")).toContain("text/html");
        expect(await response.text()).toContain("<h1>Unsupported content type</h1>");
      }
      const untyped = await post(path, {});
      expect(untyped.status, `${path} without a type`).toBe(400);
      expect(await untyped.text()).toContain("<h1>Bad request</h1>");
      expect((await post(path, { "Content-Type": "multipart/form-data" }, "x")).status, `${path} multipart without boundary`).toBe(400);
    }
    // The log holds request lines only: no stack trace from an action.
    expect(server.output()).not.toMatch(/TypeError|\n\s+at /);
  });

  it("still takes forms, urlencoded and multipart, as pages and as single-fetch .data submissions", async () => {
    // An empty address reaches the action, which answers with its own error message.
    const urlencoded = await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded" }, "email=");
    expect(urlencoded.status).toBe(200);
    expect(await urlencoded.text()).toContain("Enter your email address");
    const multipart = new FormData();
    multipart.set("email", "");
    const data = await fetch(`${origin}/sign-in.data`, { method: "POST", body: multipart });
    expect(data.status).toBe(200);
    expect(await data.text()).toContain("Enter your email address");
    const urlencodedData = await post("/sign-in.data", { "Content-Type": "application/x-www-form-urlencoded" }, "email=");
    expect(await urlencodedData.text()).toContain("Enter your email address");
  });

  it("refuses a 100 MB form with 413 at once, declared or chunked, without reading it into memory", async () => {
    const before = residentMb(server.child.pid!);
    const results = await Promise.all([
      postHuge(`${origin}/sign-in`, { chunked: false }),
      postHuge(`${origin}/sign-in`, { chunked: true }),
      postHuge(`${origin}/sign-in.data`, { chunked: false }),
    ]);
    for (const result of results) {
      expect(result.status).toBe(413);
      expect(result.body).toContain("<h1>Too much information sent</h1>");
      expect(result.body).toContain("What you sent is larger than this page accepts.");
      expect(result.ms).toBeLessThan(2_000);
    }
    expect(residentMb(server.child.pid!) - before).toBeLessThan(50);
    // The app's request was aborted, not failed: nothing in the log but request lines.
    expect(server.output()).not.toMatch(/Error|\n\s+at /);
    // A form just under the limit still reaches the app.
    const atLimit = await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded" }, `email=&x=${"a".repeat(250 * 1024)}`);
    expect(await atLimit.text()).toContain("Enter your email address");
    expect(await answers(origin)).toBe(true);
  });

  it("marks signed-in responses, and any that set a cookie, private and not to be stored; public files stay cacheable", async () => {
    expect((await fetch(`${origin}/`)).headers.get("cache-control")).toBeNull();

    const asked = await post("/sign-in", { "Content-Type": "application/x-www-form-urlencoded" }, "email=demo.member%40nhs.net");
    expect(asked.status).toBe(302);
    const verifyPath = new URL(asked.headers.get("location")!, origin).pathname;
    // The demo data queues other emails to the demo member too (webinar places): wait for the sign-in one.
    const email = await sink.waitFor((mail) => mail.to.includes("demo.member@nhs.net") && mail.subject === "Sign in to the Social Prescribing Network");
    const code = /\b(\d{6})\b/.exec(email.text)![1]!;
    const signedIn = await post(verifyPath, { "Content-Type": "application/x-www-form-urlencoded" }, `intent=code&code=${code}`);
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("set-cookie")).toMatch(/spn_session=/);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;

    for (const path of ["/account", "/account.data", "/", "/_root.data", "/faq", "/no-such-page", "/healthz"]) {
      const response = await fetch(`${origin}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
    }
    expect((await fetch(`${origin}/account`, { headers: { Cookie: cookie } })).status).toBe(200);

    // A file from a workspace's resources (the demo's London PDF; the demo member is in London): a
    // private attachment of the type its content showed, which the browser must not sniff.
    const resources = await (await fetch(`${origin}/workspaces/london/resources`, { headers: { Cookie: cookie } })).text();
    const filePath = /href="(\/workspaces\/london\/resources\/\d+\/file)"/.exec(resources)?.[1];
    const file = await fetch(`${origin}${filePath}`, { headers: { Cookie: cookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="Borough referral checklist\.pdf"/);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("cache-control")).toMatch(/^private\b/);
    expect((await file.text()).startsWith("%PDF-")).toBe(true);

    const signedOut = await post("/sign-out", { "Content-Type": "application/x-www-form-urlencoded" }, "");
    expect(signedOut.headers.get("set-cookie")).toMatch(/spn_session=;/);
    expect(signedOut.headers.get("cache-control")).toBe("private, no-store");

    const icon = await fetch(`${origin}/favicon.svg`, { headers: { Cookie: cookie } });
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
  });
});

describe("stopping", () => {
  it("npm start runs node so that SIGTERM to it stops the server and leaves no process behind", async () => {
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const npm = start(productionEnv(port, { SMTP_URL: sink.url, DATABASE_PATH: `${process.env.DATABASE_PATH}-npm-start` }), ["npm", "start"]);
    await waitUntilUp(origin, npm);
    const tree = descendants(npm.child.pid!);
    expect(tree.length).toBeGreaterThan(0);

    npm.child.kill("SIGTERM");
    try {
      expect(await npm.exited).toEqual({ code: 0, signal: null });
      expect(await answers(origin)).toBe(false);
      await poll(() => tree.every((pid) => !isRunning(pid)), 5_000, () => `processes ${tree.join(", ")} to end`);
      expect(npm.output()).toContain("SIGTERM received");
    } finally {
      // What would be left behind otherwise: a server no longer under npm.
      for (const pid of tree.filter(isRunning)) process.kill(pid, "SIGKILL");
    }
  }, 60_000);

  it("lets a request under way finish after SIGTERM, refusing new connections, then exits 0", async () => {
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const server = start(productionEnv(port, { SMTP_URL: sink.url, DATABASE_PATH: `${process.env.DATABASE_PATH}-shutdown` }));
    await waitUntilUp(origin, server);

    const body = "email=slow.sender%40nhs.net";
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise<Error | undefined>((resolve) => {
      socket.once("error", resolve);
      socket.once("close", () => resolve(undefined));
    });
    // "Expect: 100-continue" makes the server say when it has the request, so SIGTERM comes mid-request.
    socket.write(
      `POST /sign-in HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await poll(() => received.includes("100 Continue"), 5_000, () => "100 Continue");
    socket.write(body.slice(0, 10));

    server.child.kill("SIGTERM");
    await server.waitForOutput(/SIGTERM received/);
    expect(await answers(origin)).toBe(false);
    expect(server.child.exitCode).toBeNull();

    socket.end(body.slice(10));
    expect(await closed).toBeUndefined();
    expect(received).toMatch(/HTTP\/1\.1 302 Found\r\n[\s\S]*location: \/verify\//i);
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 60_000);
});

/** POSTs 100 MB of form, stopping as soon as the server answers; the refusal may close the connection mid-upload. */
function postHuge(url: string, { chunked }: { chunked: boolean }): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (!chunked) headers["Content-Length"] = String(100 * MB);
    const req = httpRequest(url, { method: "POST", headers });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
      res.on("error", reject);
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(MB, "a");
    let sent = 0;
    const pump = () => {
      while (!answered && sent < 100 * MB) {
        sent += MB;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
