import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { readFlash } from "~/lib/flash.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ErrorSummary } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { SummaryList } from "~/ui/summary-list";
import { stopSeries, updateSeries } from "~/webinars/manage-webinars.server";
import { redirectWithOutcome } from "~/webinars/outcomes.server";
import { getSeriesForStaff } from "~/webinars/staff-registrations.server";
import { WebinarForm } from "~/webinars/webinar-form";
import { seriesSchema } from "~/webinars/webinar-form-schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.series.title ?? "Series"} – Staff tools – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idParam(params.id);
  const found = await getSeriesForStaff(id);
  if (!found) throw new Response(null, { status: 404 });
  const flash = readFlash(request);
  return data({ ...found, banner: flash.message }, { headers: flash.headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const id = idParam(params.id);
  const formData = await request.formData();
  if (formData.get("intent") === "stop") {
    const result = await stopSeries(user.id, id);
    if (result.ok) throw redirectWithOutcome(`/admin/webinars/series/${id}`, "staffSeries", "stopped");
    if ("notFound" in result) throw new Response(null, { status: 404 });
    return data({ stopError: "formError" in result ? result.formError : "The series could not be stopped" }, { status: 409 });
  }
  const submission = parseWithZod(formData, { schema: seriesSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await updateSeries(user.id, id, submission.value);
  if (result.ok) throw redirectWithOutcome(`/admin/webinars/series/${id}`, "staffSeries", "updated");
  if ("notFound" in result) throw new Response(null, { status: 404 });
  return submission.reply({ formErrors: ["formError" in result ? result.formError : "The series could not be changed"] });
}

export default function StaffSeries() {
  const { series, occurrences, schedule, values, banner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const stopError = actionData && "stopError" in actionData ? actionData.stopError : null;
  const lastResult = actionData && !("stopError" in actionData) ? actionData : undefined;
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/webinars", label: "Webinars" }]} />
      {banner ? <SuccessBanner>{banner}</SuccessBanner> : null}
      <ErrorSummary errors={stopError ? [{ fieldId: "stop", message: stopError }] : []} />
      <span className="nhsuk-caption-l">Staff tools: webinar series</span>
      <h1>{series.title}</h1>
      <SummaryList
        rows={[
          { key: "When", value: schedule },
          { key: "Listed ahead", value: series.stopped ? "Stopped: no more webinars are added" : `The next ${series.occurrencesAhead} webinars, topped up every day` },
        ]}
      />

      <h2>Webinars in this series</h2>
      <ScrollingTable caption="Webinars in this series, in date order">
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Webinar</th>
            <th scope="col" className="nhsuk-table__header">When (UK time)</th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Waiting for approval</th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Approved</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {occurrences.map((occurrence) => (
            <tr key={occurrence.id} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">
                <Link to={`/admin/webinars/${occurrence.id}`}>{occurrence.title}</Link>{" "}
                {occurrence.cancelled ? <strong className="nhsuk-tag nhsuk-tag--red">Cancelled</strong> : occurrence.ended ? <strong className="nhsuk-tag nhsuk-tag--grey">Taken place</strong> : null}
              </td>
              <td className="nhsuk-table__cell">{occurrence.when}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{occurrence.counts.pending}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
                {occurrence.counts.approved} of {occurrence.capacity}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <p>To change the topic, speakers or time of one webinar, open it and choose Change this webinar.</p>

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <WebinarForm
            mode="series"
            defaultValue={values}
            lastResult={lastResult}
            submitLabel="Save series settings"
            heading={
              <>
                <h2>Series settings</h2>
                <p>These are used for each webinar added to the series from now on.</p>
              </>
            }
          >
            <div className="nhsuk-form-group">
              <div className="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
                <div className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" id="applyToUpcoming" name="applyToUpcoming" type="checkbox" value="on" aria-describedby="applyToUpcoming-hint" />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="applyToUpcoming">
                    Also change the webinars already listed that have not taken place
                  </label>
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id="applyToUpcoming-hint">
                    Their titles, descriptions and speakers are replaced too, so only choose this if they have not been given their own
                    topics. People given a place because of more places are emailed.
                  </div>
                </div>
              </div>
            </div>
          </WebinarForm>

          {series.stopped ? null : (
            <>
              <h2 id="stop" tabIndex={-1}>
                Stop the series
              </h2>
              <p>No more webinars will be added. The ones already listed stay; cancel any you will not hold, so registrants are told.</p>
              <Form method="post">
                <input type="hidden" name="intent" value="stop" />
                <button className="nhsuk-button nhsuk-button--warning" data-module="nhsuk-button" type="submit">
                  Stop the series
                </button>
              </Form>
            </>
          )}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
