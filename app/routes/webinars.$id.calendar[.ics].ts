import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam } from "~/lib/params";
import { webinarCalendarContentType, webinarCalendarFile, webinarCalendarFileName } from "~/webinars/calendar-file.server";
import { findWebinar } from "~/webinars/webinar-records.server";

/**
 * The webinar's public calendar file (never the meeting link). Anyone may download it, like the
 * page it belongs to; a cancelled webinar's file removes the entry from the calendar.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const webinar = await findWebinar(idParam(params.id));
  if (!webinar) throw new Response(null, { status: 404 });
  return new Response(webinarCalendarFile(webinar), {
    headers: {
      "Content-Type": webinarCalendarContentType(webinar),
      "Content-Disposition": `attachment; filename="${webinarCalendarFileName(webinar)}"`,
      // Short, so a calendar app that fetches it again sees a change within minutes.
      "Cache-Control": "public, max-age=300",
    },
  });
}
