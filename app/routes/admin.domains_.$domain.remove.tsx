import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { requireAdmin } from "~/auth/access.server";
import { findDomainOverride, removeDomainOverride } from "~/membership/domain-overrides.server";
import { domainSchema } from "~/membership/staff-schemas";
import { redirectWithFlash } from "~/lib/flash.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { SubmitButton } from "~/ui/forms";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Remove the rule for ${data?.rule.domain ?? "a domain"} – Staff tools – Social Prescribing Network` },
];

async function ruleFrom(params: LoaderFunctionArgs["params"]) {
  const domain = domainSchema.safeParse(params.domain);
  const rule = domain.success ? await findDomainOverride(domain.data) : undefined;
  if (!rule) throw new Response("Not found", { status: 404 });
  return rule;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const rule = await ruleFrom(params);
  return { rule: { domain: rule.domain, policy: rule.policy } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const rule = await ruleFrom(params);
  await removeDomainOverride(staff.id, rule.domain);
  throw redirectWithFlash("/admin/domains", `Rule removed for ${rule.domain}.`);
}

export default function RemoveDomainRule() {
  const { rule } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Breadcrumbs
          items={[
            { to: "/admin/members", label: "Staff tools" },
            { to: "/admin/domains", label: "Email domain rules" },
          ]}
        />
        <span className="nhsuk-caption-l">Staff tools</span>
        <h1>Remove the rule for {rule.domain}?</h1>
        <p>
          {rule.policy === "allow"
            ? `People joining with an address at ${rule.domain} or its subdomains will wait for staff approval again, unless it is an NHS or public sector address.`
            : `People with an address at ${rule.domain} or its subdomains will be able to join again, subject to the usual checks.`}
        </p>
        <p>People who are already members are not affected. The change is recorded in the audit log.</p>
        <Form method="post">
          <SubmitButton warning>Remove rule</SubmitButton>
        </Form>
        <p>
          <Link to="/admin/domains">Keep the rule</Link>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
