import type { PersonalDataStep } from "~/privacy/define";
import { listAudit } from "./audit.server";

/** The audit log about a member stays when they leave: it names people by id only, and the tombstone says "Former member". */
export const auditPersonalData: PersonalDataStep[] = [
  {
    name: "activity",
    tables: ["audit_log"],
    async export(executor, member) {
      const audit = await listAudit({ aboutUserId: member.id, pageSize: 10_000 }, executor);
      return {
        activity: audit.entries.map((entry) => ({
          at: entry.at,
          what: entry.summary,
          by: entry.actorUserId === member.id ? "you" : entry.actorName,
          details: entry.details,
        })),
      };
    },
    onLeave: "keep a record that your account changed and when, without your name or address",
    leave: "keep",
    why: "The audit log is how the network shows what staff and members did. Entries name people by id only, so once the member's row is a tombstone they say nothing about who they were.",
  },
];
