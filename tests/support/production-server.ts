import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "node:net";

/**
 * The compiled production server and worker (build/portal) started as operators start them, for
 * tests that need a real process: signals, exit codes, limits enforced before the app runs.
 */

const BUILD_OUTPUTS = ["build/portal/server.js", "build/portal/worker.js", "build/server/index.js"];
const BUILD_SOURCES = ["app", "server", "db", "emails", "content"];

/**
 * Builds if there is no build yet or a source changed since it was made (a stale build would test old
 * code); `npm test` builds just before the tests, so it is reused there.
 */
export function ensureBuilt(): void {
  if (BUILD_OUTPUTS.every(existsSync)) {
    const built = Math.min(...BUILD_OUTPUTS.map((file) => statSync(file).mtimeMs));
    if (!BUILD_SOURCES.some((folder) => newestIn(folder) > built)) return;
  }
  // Without VITEST, which tells vite.config.ts to leave the Remix plugin out.
  const { VITEST: _vitest, ...env } = process.env;
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error("npm run build failed");
}

function newestIn(folder: string): number {
  if (!existsSync(folder)) return 0;
  return Math.max(0, ...readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs));
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A production environment from scratch: nothing inherited from the test process but PATH and HOME. */
export function productionEnv(port: number, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    SESSION_SECRET: "integration-session-secret-long-enough-0123456789",
    LOG_LEVEL: "warn",
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export interface Started {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<number>();

/** Starts `command` (default: the compiled server with plain node) in the project folder. */
export function start(env: Record<string, string>, command: [string, ...string[]] = ["node", "build/portal/server.js"]): Started {
  // NODE_ENV is left out on purpose (the compiled entries default it), though the ProcessEnv type requires it.
  const child = spawn(command[0], command.slice(1), { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child.pid!);
  child.once("exit", () => running.delete(child.pid!));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs = 15_000) => poll(() => pattern.test(output), timeoutMs, () => `no ${pattern} in:\n${output}`),
  };
}

/** Kills whatever a failed test left running: each process started here, and its descendants. */
export function killLeftovers(): void {
  for (const pid of running) {
    for (const id of [...descendants(pid), pid]) {
      try {
        process.kill(id, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

export async function poll(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, describe = () => "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function answers(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/healthz`)).ok;
  } catch {
    return false;
  }
}

export async function waitUntilUp(origin: string, started?: Started): Promise<void> {
  await poll(
    async () => {
      if (started?.child.exitCode != null) throw new Error(`server exited with ${started.child.exitCode}:\n${started.output()}`);
      return answers(origin);
    },
    30_000,
    () => `${origin}/healthz`,
  );
}

/** Process ids of `pid`'s descendants, from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces) start with the state, then the parent id.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const visit = (id: number) => {
    for (const child of children.get(id) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

export function isRunning(pid: number): boolean {
  try {
    // A zombie still has an entry but no longer runs.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Resident memory of a process in MB. */
export function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}
