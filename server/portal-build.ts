import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { PortalRuntime } from "../app/runtime.server";

/** What the server and the worker process use from the app, exported by app/entry.server.tsx. */
export interface PortalEntry {
  startPortalRuntime: (role?: "web" | "worker") => Promise<PortalRuntime>;
}

/**
 * The app as `npm run build` left it. Paths are from the working directory (the project folder), as
 * for the static files, so the compiled server and the worker find the same build.
 */
export async function loadPortalBuild(): Promise<{ build: ServerBuild; entry: PortalEntry }> {
  const build = (await import(pathToFileURL(resolve("build/server/index.js")).href)) as ServerBuild;
  return { build, entry: build.entry.module as unknown as PortalEntry };
}
