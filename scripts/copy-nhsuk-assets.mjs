// nhsuk-frontend's CSS refers to /assets/images/… images; copy them from the package at build time
// (a build step, not a committed copy, so upgrades stay one `npm install` away).
import { cpSync, rmSync } from "node:fs";

const target = "public/assets/images";
rmSync(target, { recursive: true, force: true });
cpSync("node_modules/nhsuk-frontend/dist/nhsuk/assets/images", target, { recursive: true });
