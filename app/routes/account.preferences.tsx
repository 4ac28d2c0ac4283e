import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { redirectWithFlash } from "~/lib/flash.server";
import { updatePreferences } from "~/membership/account.server";
import { requireUser } from "~/auth/access.server";
import { recordBulletinPreference } from "~/bulletin/unsubscribe.server";
import { AccountSubpage } from "~/membership/account-subpage";
import { ConsentCheckboxes } from "~/membership/consent-checkboxes";
import { preferencesSchema } from "~/membership/profile-schema";
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
  const input = submission.status === "success" ? submission.value : {};
  const bulletin = { before: user.bulletin_opt_in === 1, after: Boolean(input.bulletin) };
  await updatePreferences(user.id, input, (trx) => recordBulletinPreference(trx, user.id, bulletin));
  throw redirectWithFlash("/account", "Your email preferences have been updated.");
}

export default function Preferences() {
  const current = useLoaderData<typeof loader>();
  return (
    <AccountSubpage back="Cancel and go back to your account">
      <Form method="post">
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset" aria-describedby="preferences-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
              <h1 className="nhsuk-fieldset__heading">Email preferences</h1>
            </legend>
            <div className="nhsuk-hint" id="preferences-hint">
              Choose the emails you want. You can change this at any time. Emails about your account are always sent.
            </div>
            <ConsentCheckboxes ids={{ bulletin: "bulletin", events: "events" }} checked={current} withHints />
          </fieldset>
        </div>
        <SubmitButton>Save preferences</SubmitButton>
      </Form>
    </AccountSubpage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
