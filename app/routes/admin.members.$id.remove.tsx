import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { removeMember } from "~/membership/member-admin.server";
import { decideWithReason, loadMemberForDecision } from "~/membership/member-decision.server";
import { reasonSchema } from "~/lib/reason-schema";
import { MemberReasonPage } from "~/ui/reason-form";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Remove member – Staff tools – Social Prescribing Network" }];

const schema = reasonSchema("removing");

export const loader = (args: LoaderFunctionArgs) => loadMemberForDecision(args, "active");

export const action = (args: ActionFunctionArgs) => decideWithReason(args, { schema, decide: removeMember, done: "Removed. They have been signed out and emailed the reason." });

export default function RemoveMember() {
  const member = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <MemberReasonPage
      member={member}
      heading="Remove member"
      id="remove"
      schema={schema}
      lastResult={lastResult}
      label="Why are you removing this member?"
      hint="We will email this to them and keep it in the audit log."
      button="Remove from the network"
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
