/**
 * Runs every benchmark in bench/ in turn and prints their figures. `npm run bench` (after `npm run build`).
 * A benchmark that fails (an error, not a slow figure) does not stop the others; the run then exits 1.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const failed: string[] = [];
for (const file of readdirSync("bench").filter((f) => f.endsWith(".ts") && f !== "run-all.ts").sort()) {
  const { status } = spawnSync("npx", ["tsx", `bench/${file}`], { stdio: "inherit" });
  if (status !== 0) failed.push(file);
}
if (failed.length) {
  console.error(`\nbenchmarks that failed: ${failed.join(", ")}`);
  process.exit(1);
}
