import { resolve } from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

/**
 * The page benchmark's "framework ceiling": a Remix app with one trivial route, built with the portal's
 * Remix and Vite versions and future flags, so its speed is the best any portal page can reach on the
 * same server stack. Built by bench/support/ceiling.ts, which also builds it with the portal's route
 * table (CEILING_APP and CEILING_BUILD choose the app folder and the output).
 */
export default defineConfig({
  // The project folder stays the root (its package.json and public/ files, as for the portal).
  build: { target: "es2022" },
  // "~/" is the portal's app folder, as in the portal: the ceiling answers pages with the portal's own helper.
  resolve: { alias: [{ find: /^~\//, replacement: `${resolve("app")}/` }] },
  plugins: [
    remix({
      appDirectory: process.env.CEILING_APP ?? "bench/ceiling/app",
      buildDirectory: process.env.CEILING_BUILD ?? "build/bench-ceiling/one",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
