import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { updatePreferences } from "~/membership/account.server";
import { requireUser } from "~/membership/access.server";
import { preferencesSchema } from "~/membership/profile-schema";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { SubmitButton } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Email preferences – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return { bulletin: user.bulletin_opt_in === 1, events: user.events_opt_in === 1 };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: preferencesSchema });
  // Two optional checkboxes cannot be invalid; anything unexpected is treated as unticked.
  await updatePreferences(user.id, submission.status === "success" ? submission.value : {});
  throw redirect("/account?updated=preferences");
}

/** Two separate consents: the bulletin and event notifications are agreed to (or not) one by one. */
export default function Preferences() {
  const current = useLoaderData<typeof loader>();
  const consents = [
    {
      name: "bulletin",
      checked: current.bulletin,
      label: "Send me the monthly bulletin",
      hint: "News, guidance and stories from link workers across England, once a month",
    },
    {
      name: "events",
      checked: current.events,
      label: "Tell me about new webinars and events",
      hint: "An email when a new webinar or event opens for registration",
    },
  ];
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/account", label: "Your account" }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <Form method="post">
            <div className="nhsuk-form-group">
              <fieldset className="nhsuk-fieldset" aria-describedby="preferences-hint">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                  <h1 className="nhsuk-fieldset__heading">Email preferences</h1>
                </legend>
                <div className="nhsuk-hint" id="preferences-hint">
                  Choose the emails you want. You can change this at any time. Emails about your account are always sent.
                </div>
                <div className="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
                  {consents.map(({ name, checked, label, hint }) => (
                    <div key={name} className="nhsuk-checkboxes__item">
                      <input
                        className="nhsuk-checkboxes__input"
                        id={name}
                        name={name}
                        type="checkbox"
                        defaultChecked={checked}
                        aria-describedby={`${name}-item-hint`}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={name}>
                        {label}
                      </label>
                      <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${name}-item-hint`}>
                        {hint}
                      </div>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <SubmitButton>Save preferences</SubmitButton>
          </Form>
          <p>
            <Link to="/account">Cancel and go back to your account</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
