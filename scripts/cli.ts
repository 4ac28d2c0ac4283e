import { Command } from "commander";
import { migrateToLatest } from "#db/database";
import { testMessageEmail } from "#emails/test-message";
import { closeDb, db } from "~/db.server";
import { enqueueEmail, outboxHealth } from "~/mail/outbox.server";
import { grantRoleByEmail, revokeRoleByEmail, RoleChangeError } from "~/auth/role-admin.server";
import { findWorkspaceBySlug } from "~/workspaces/access.server";

/** Operator tasks: `npm run cli -- <command>`; `npm run cli -- --help` lists them. */
const program = new Command()
  .name("npm run cli --")
  .description("Operator tasks for the Social Prescribing Network portal. Reads the same environment as the server.")
  .hook("preAction", async () => {
    await migrateToLatest(db());
  })
  .hook("postAction", async () => {
    await closeDb();
  });

program
  .command("send-test-email")
  .description("queue a test email to an address (delivered by the running server's worker)")
  .argument("<to>", "recipient address")
  .action(async (to: string) => {
    const { messageId } = await enqueueEmail(db(), {
      to,
      template: testMessageEmail,
      props: { note: `Queued from the command line at ${new Date().toISOString()}.` },
    });
    console.log(`Queued ${messageId} to ${to}.`);
  });

program
  .command("outbox")
  .description("count outbox messages by status, failures in the last day, and show the last failures")
  .action(async () => {
    const counts = await db()
      .selectFrom("outbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .groupBy("status")
      .execute();
    for (const row of counts) console.log(`${row.status}: ${row.count}`);
    const health = await outboxHealth(db());
    console.log(`failed in the last 24 hours: ${health.failedLastDay}`);
    const failures = await db()
      .selectFrom("outbox")
      .select(["id", "to_address", "subject", "failure_kind", "failure_code", "failed_at", "last_error"])
      .where("status", "=", "failed")
      .orderBy("id", "desc")
      .limit(10)
      .execute();
    for (const f of failures) {
      const kind = [f.failure_kind ?? "failed", f.failure_code].filter((part) => part !== null).join(" ");
      console.log(`failed #${f.id} to ${f.to_address} (${f.subject}) [${kind}] at ${f.failed_at ?? "unknown time"}: ${f.last_error}`);
    }
  });

/** Runs a role change, printing its outcome; an expected failure is one line on stderr and exit code 1. */
async function changeRole(change: () => Promise<string>) {
  try {
    console.log(await change());
  } catch (error) {
    if (!(error instanceof RoleChangeError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

/** workspace_lead is the one scoped role; its scope is a workspace's slug. */
const workspaceExists = async (slug: string) => (await findWorkspaceBySlug(slug)) !== undefined;

program
  .command("grant-role")
  .description("give a member a role: admin, or workspace_lead with a workspace slug (audit-logged as the command line)")
  .argument("<email>", "the member's email address")
  .argument("<role>", "admin or workspace_lead")
  .argument("[workspace]", "workspace slug, for workspace_lead")
  .action((email: string, role: string, scope?: string) =>
    changeRole(() => grantRoleByEmail({ email, role, scope, actorUserId: null, scopeExists: workspaceExists })),
  );

program
  .command("revoke-role")
  .description("take a role away from a member (audit-logged as the command line)")
  .argument("<email>", "the member's email address")
  .argument("<role>", "admin or workspace_lead")
  .argument("[workspace]", "workspace slug, for workspace_lead")
  .action((email: string, role: string, scope?: string) =>
    changeRole(() => revokeRoleByEmail({ email, role, scope, actorUserId: null, scopeExists: workspaceExists })),
  );

await program.parseAsync();
