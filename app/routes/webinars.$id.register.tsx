import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireUser } from "~/auth/access.server";
import { idParam } from "~/lib/params";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ErrorSummary, formGroupId, TextareaField } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";
import { redirectWithOutcome } from "~/webinars/outcomes.server";
import { answerFieldName, MAX_ANSWER_LENGTH } from "~/webinars/questions";
import { registerForWebinar } from "~/webinars/register-for-webinar.server";
import { getWebinarPage } from "~/webinars/webinar-pages.server";
import { placesText } from "~/webinars/webinar-ui";

/**
 * Where "Register" leads when the webinar page could not show the form: a visitor signs in (or
 * joins) and comes back here to finish with one click. Showing this page changes nothing.
 */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Register: ${data?.webinar.title ?? "webinar"} – Social Prescribing Network` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const id = idParam(params.id);
  const page = await getWebinarPage(id, user.id);
  if (!page) throw new Response(null, { status: 404 });
  // Already registered (or declined): the webinar's page says where they stand.
  if (page.myPlace && page.myPlace.status !== "cancelled") throw redirect(`/webinars/${id}`);
  return { webinar: page.webinar };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const id = idParam(params.id);
  const form = await request.formData();
  const answers: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  for (const [name, value] of form) {
    const questionId = /^answer-(q\d)$/.exec(name)?.[1];
    if (!questionId || typeof value !== "string") continue;
    if (value.trim().length > MAX_ANSWER_LENGTH) fieldErrors[name] = `Your answer must be ${MAX_ANSWER_LENGTH.toLocaleString("en-GB")} characters or fewer`;
    answers[questionId] = value;
  }
  // The answers go back with the errors, so what the member typed is in the boxes again.
  if (Object.keys(fieldErrors).length) return data({ fieldErrors, answers, error: null }, { status: 400 });
  const result = await registerForWebinar(user.id, id, answers);
  switch (result.outcome) {
    case "registered":
      throw redirectWithOutcome(`/webinars/${id}`, "webinar", "registered");
    case "already-registered":
    case "declined":
      throw redirect(`/webinars/${id}`);
    case "closed":
      return data({ fieldErrors: {}, answers, error: "Registration for this webinar is closed." }, { status: 409 });
    case "not-found":
      throw new Response(null, { status: 404 });
  }
}

export default function Register() {
  const { webinar } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fieldErrors: Record<string, string> = actionData?.fieldErrors ?? {};
  const errors = [
    ...webinar.questions.flatMap((question) => {
      const message = fieldErrors[answerFieldName(question)];
      return message ? [{ fieldId: answerFieldName(question), groupId: formGroupId(answerFieldName(question)), message }] : [];
    }),
    ...(actionData?.error ? [{ fieldId: "register", message: actionData.error }] : []),
  ];
  const open = webinar.registrationOpen;
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/webinars", label: "Webinars" }, { to: `/webinars/${webinar.id}`, label: webinar.title }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="nhsuk-caption-l">{webinar.title}</span>
          <h1>Register for this webinar</h1>
          <p>{webinar.when} (UK time)</p>
          {open ? (
            <>
              {webinar.placesLeft === 0 ? <p>{placesText(0)}.</p> : null}
              <p>The network team checks every registration. We will email you when yours is approved.</p>
              <Form method="post" id="register" tabIndex={-1}>
                {webinar.questions.map((question) => (
                  <TextareaField
                    key={question.id}
                    id={answerFieldName(question)}
                    name={answerFieldName(question)}
                    label={question.label}
                    hint="Optional"
                    rows={3}
                    errors={fieldErrors[answerFieldName(question)] ? [fieldErrors[answerFieldName(question)] as string] : undefined}
                    defaultValue={actionData?.answers[question.id]}
                  />
                ))}
                <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
                  Register
                </button>
              </Form>
            </>
          ) : (
            <p id="register" tabIndex={-1}>
              Registration for this webinar is closed.
            </p>
          )}
          <p>
            <Link to={`/webinars/${webinar.id}`}>Back to the webinar</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
