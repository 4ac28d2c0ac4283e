import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Each test file runs in its own process with its own real SQLite file, migrated on first use
// through tests/support/database.ts. Capture mode unless a test sets SMTP_URL before using mail.
process.env.NODE_ENV = "test";
process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), "spn-test-")), "portal.db");
delete process.env.SMTP_URL;
