import type { Webinar, WebinarSeries } from "#db/schema";
import { parseQuestions } from "./questions";
import { ukDate, ukTimeOfDay } from "~/ui/dates";
import type { WebinarFormValues } from "./webinar-form";

/** A webinar or series as the staff form shows it, in UK time. */

function detailValues(row: Pick<Webinar, "title" | "description" | "speakers" | "audience" | "capacity" | "meeting_url" | "registration_open" | "questions_json">): WebinarFormValues {
  const [question1, question2, question3] = parseQuestions(row.questions_json).map((question) => question.label);
  return {
    title: row.title,
    description: row.description,
    speakers: row.speakers,
    audience: row.audience,
    capacity: String(row.capacity),
    meetingUrl: row.meeting_url,
    registrationOpen: row.registration_open === 1 ? "on" : undefined,
    question1,
    question2,
    question3,
  };
}

export function webinarFormValues(webinar: Webinar): WebinarFormValues {
  const [year, month, day] = ukDate(webinar.starts_at).split("-");
  return {
    ...detailValues(webinar),
    day: String(Number(day)),
    month: String(Number(month)),
    year,
    startTime: ukTimeOfDay(webinar.starts_at),
    durationMinutes: String(Math.round((Date.parse(webinar.ends_at) - Date.parse(webinar.starts_at)) / 60_000)),
  };
}

export function seriesFormValues(series: WebinarSeries): WebinarFormValues {
  return detailValues(series);
}
