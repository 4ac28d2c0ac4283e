import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { declineMember } from "~/membership/member-admin.server";
import { decideWithReason, JOINER_DECIDED, loadMemberForDecision } from "~/membership/member-decision.server";
import { reasonSchema } from "~/lib/reason-schema";
import { MemberReasonPage } from "~/ui/reason-form";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Decline request to join – Staff tools – Social Prescribing Network" }];

const schema = reasonSchema("declining");

export const loader = (args: LoaderFunctionArgs) => loadMemberForDecision(args, "pending");

export const action = (args: ActionFunctionArgs) => decideWithReason(args, { schema, decide: declineMember, done: "Declined. We have emailed them the reason.", kind: JOINER_DECIDED });

export default function DeclineMember() {
  const member = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <MemberReasonPage
      member={member}
      heading="Decline request to join"
      id="decline"
      schema={schema}
      lastResult={lastResult}
      label="Why are you declining this request?"
      hint="We will email this to them, so write it to them. For example, say what would let them join."
      button="Decline request"
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
