import { defineConfig, devices } from "@playwright/test";

// Ports derive from one base so parallel checkouts can run the suite side by side.
const base = Number(process.env.E2E_BASE_PORT ?? 4300);
export const ports = { portal: base, capture: base + 1, sinkSmtp: base + 2, sinkHttp: base + 3 };

const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Offline by construction: every host but this machine's is "not found" at once, so no test can come to
  // depend on the outside world (tests/e2e/support.ts fails any test whose page asks for one).
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

// A fresh database with the demo data, then the compiled server with plain node, as `npm start` runs it.
const e2eServer = "tsx tests/support/e2e-server.ts && exec node build/portal/server.js";

const serverEnv = {
  NODE_ENV: "production",
  PORTAL_DEMO: "1",
  SESSION_SECRET: "e2e-session-secret-that-is-long-enough-1234",
  LOG_LEVEL: "warn",
  CONTACT_EMAIL: "network@spn.example.org",
};

export default defineConfig({
  testDir: "tests/e2e",
  // Two workers keep this 2-core machine busy (a third gains nothing). Tests share the two portals' databases
  // and rate limits, so each uses its own addresses, or demo people no parallel test changes.
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${ports.portal}`,
    // DOM snapshots of each step, kept only when a test fails; screencast screenshots cost about a tenth of the run.
    trace: { mode: "retain-on-failure", screenshots: false },
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumFlags },
      },
    },
  ],
  webServer: [
    {
      command: "tsx tests/support/run-smtp-sink.ts",
      url: `http://127.0.0.1:${ports.sinkHttp}/health`,
      env: { SINK_SMTP_PORT: String(ports.sinkSmtp), SINK_HTTP_PORT: String(ports.sinkHttp) },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // The portal as operators run it, sending through SMTP to the sink.
      command: e2eServer,
      url: `http://localhost:${ports.portal}/healthz`,
      env: {
        ...serverEnv,
        PORT: String(ports.portal),
        APP_URL: `http://localhost:${ports.portal}`,
        DATABASE_PATH: "test-results/e2e-smtp.db",
        STORAGE_PATH: "test-results/e2e-smtp-files",
        SMTP_URL: `smtp://127.0.0.1:${ports.sinkSmtp}`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The portal as the quick start runs it: no SMTP, email captured at /dev/mail.
      command: e2eServer,
      url: `http://localhost:${ports.capture}/healthz`,
      env: {
        ...serverEnv,
        PORT: String(ports.capture),
        APP_URL: `http://localhost:${ports.capture}`,
        DATABASE_PATH: "test-results/e2e-capture.db",
        STORAGE_PATH: "test-results/e2e-capture-files",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
