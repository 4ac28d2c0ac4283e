/** Runs every benchmark in bench/ in turn and prints their figures. `npm run bench` (after `npm run build`). */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

for (const file of readdirSync("bench").filter((f) => f.endsWith(".ts") && f !== "run-all.ts").sort()) {
  execFileSync("npx", ["tsx", `bench/${file}`], { stdio: "inherit" });
}
