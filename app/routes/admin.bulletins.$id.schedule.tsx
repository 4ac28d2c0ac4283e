import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { scheduleSchema } from "~/bulletin/bulletin-schema";
import { requireBulletin, requireEditableBulletin, scheduleBulletin } from "~/bulletin/bulletins.server";
import { membersText } from "~/bulletin/members-text";
import { redirectToBulletin } from "~/bulletin/outcomes.server";
import { countSubscribers } from "~/bulletin/subscribers.server";
import { db } from "~/db.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ukDate, ukTimeOfDay } from "~/ui/dates";
import { ErrorSummary, initialText, SubmitButton, summariseErrors, TextField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Schedule the bulletin – Staff tools – Social Prescribing Network" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const bulletin = await requireEditableBulletin(idParam(params.id));
  return {
    id: bulletin.id,
    subject: bulletin.subject,
    subscribers: await countSubscribers(db()),
    current: bulletin.scheduled_for ? { date: ukDate(bulletin.scheduled_for), time: ukTimeOfDay(bulletin.scheduled_for) } : undefined,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAdmin(request);
  const bulletin = await requireBulletin(idParam(params.id));
  const submission = parseWithZod(await request.formData(), { schema: scheduleSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await scheduleBulletin(user.id, bulletin.id, submission.value);
  if (!result.ok) {
    return submission.reply(result.field === "form" ? { formErrors: [result.message] } : { fieldErrors: { [result.field]: [result.message] } });
  }
  throw redirectToBulletin(bulletin.id, "scheduled");
}

export default function ScheduleBulletin() {
  const { id, subject, subscribers, current } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "schedule",
    lastResult,
    defaultValue: current,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scheduleSchema }),
  });
  const page = `/admin/bulletins/${id}`;
  const members = membersText(subscribers);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Home" },
          { to: "/admin/bulletins", label: "Bulletins" },
          { to: page, label: subject },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={summariseErrors({ date: fields.date, time: fields.time }, form.errors, fields.date.id)} />
          <span className="nhsuk-caption-l">{subject}</span>
          <h1>Schedule the bulletin</h1>
          <p>
            It goes to every active member subscribed at that time: {members} at the moment. Until then you can still edit
            it, change the time or cancel.
          </p>
          <Form method="post" {...getFormProps(form)}>
            <TextField id={fields.date.id} name={fields.date.name} type="date" width={10} label="Date" hint="For example, 15/01/2027." defaultValue={initialText(fields.date)} errors={fields.date.errors} />
            <TextField id={fields.time.id} name={fields.time.name} type="time" width={10} label="Time (UK time)" hint="For example, 09:30." defaultValue={initialText(fields.time)} errors={fields.time.errors} />
            <SubmitButton>Schedule bulletin</SubmitButton>
          </Form>
          <p>
            <Link to={page}>Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
