import type { PersonalDataStep } from "~/privacy/define";
import { promoteFromWaitlist } from "./places.server";
import { parseAnswers, parseQuestions } from "./questions";
import { findWebinar, hasStarted } from "./webinar-records.server";

/** A member's webinar registrations and attendance; the webinars staff created. */
export const webinarsPersonalData: PersonalDataStep[] = [
  {
    name: "webinar registrations",
    tables: ["webinar_registrations", "webinar_link_tokens", "webinar_joins"],
    async export(executor, member) {
      const registrations = await executor
        .selectFrom("webinar_registrations")
        .innerJoin("webinars", "webinars.id", "webinar_registrations.webinar_id")
        .select([
          "webinar_registrations.id",
          "webinars.title",
          "webinars.starts_at",
          "webinars.questions_json",
          "webinar_registrations.status",
          "webinar_registrations.answers_json",
          "webinar_registrations.registered_at",
          "webinar_registrations.decided_at",
          "webinar_registrations.decline_reason",
          "webinar_registrations.cancelled_at",
          "webinar_registrations.links_sent_at",
        ])
        .where("webinar_registrations.user_id", "=", member.id)
        .orderBy("webinars.starts_at")
        .execute();
      const joins = registrations.length
        ? await executor
            .selectFrom("webinar_joins")
            .select(["registration_id", "joined_at"])
            .where(
              "registration_id",
              "in",
              registrations.map((registration) => registration.id),
            )
            .orderBy("joined_at")
            .execute()
        : [];
      return {
        webinarRegistrations: registrations.map((registration) => {
          const answers = parseAnswers(registration.answers_json);
          return {
            webinar: registration.title,
            startsAt: registration.starts_at,
            status: registration.status,
            registeredAt: registration.registered_at,
            decidedAt: registration.decided_at,
            declineReason: registration.decline_reason,
            cancelledAt: registration.cancelled_at,
            joiningLinkSentAt: registration.links_sent_at,
            answers: parseQuestions(registration.questions_json)
              .filter((question) => answers[question.id])
              .map((question) => ({ question: question.label, answer: answers[question.id] })),
            // The browser each join came from is kept only as a keyed hash, so it is not shown.
            joinedAt: joins.filter((join) => join.registration_id === registration.id).map((join) => join.joined_at),
          };
        }),
      };
    },
    onLeave: "delete your webinar registrations, your answers to registration questions and the record of the webinars you joined, and give any place you hold to the next person on the waiting list",
    leave: "erase",
    async run(trx, member) {
      const held = await trx
        .selectFrom("webinar_registrations")
        .select(["id", "webinar_id"])
        .where("user_id", "=", member.id)
        .where("status", "=", "approved")
        .execute();
      // Deleting cascades to the joining-link tokens and the joins.
      await trx.deleteFrom("webinar_registrations").where("user_id", "=", member.id).execute();
      for (const { webinar_id } of held) {
        const webinar = await findWebinar(webinar_id, trx);
        if (webinar && !hasStarted(webinar)) await promoteFromWaitlist(trx, webinar);
      }
    },
  },
  {
    name: "webinars created",
    tables: ["webinars", "webinar_series"],
    async export(executor, member) {
      const created = await executor.selectFrom("webinars").select(["title", "starts_at", "created_at"]).where("created_by", "=", member.id).orderBy("created_at").execute();
      return created.length ? { webinarsYouCreated: created.map((webinar) => ({ title: webinar.title, startsAt: webinar.starts_at, createdAt: webinar.created_at })) } : {};
    },
    onLeave: "keep the webinars you set up as staff, shown as set up by a former member",
    leave: "keep",
    why: "Webinars and series belong to the network and stay listed for the members registered for them; only the id of the member of staff who set them up is kept.",
  },
];
