import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/ui/link";
import { useEffect } from "react";
import { requireAdmin } from "~/auth/access.server";
import { addDomainOverride, listDomainOverrides } from "~/membership/domain-overrides.server";
import { domainOverrideSchema } from "~/membership/staff-schemas";
import { readFlash, redirectWithFlash } from "~/lib/flash.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { formatUkDay } from "~/ui/dates";
import { ErrorSummary, RadioGroup, SubmitButton, summariseErrors, TextareaField, TextField } from "~/ui/forms";
import { SuccessBanner } from "~/ui/notification";
import { RouteErrorBoundary } from "~/ui/route-error";
import { ScrollingTable } from "~/ui/scrolling-table";
import { StaffNav } from "~/ui/staff-nav";

export const meta: MetaFunction = () => [{ title: "Email domain rules – Staff tools – Social Prescribing Network" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const flash = readFlash(request);
  return data({ banner: flash.message, rules: await listDomainOverrides() }, { headers: flash.headers });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user: staff } = await requireAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: domainOverrideSchema });
  if (submission.status !== "success") return submission.reply();
  const result = await addDomainOverride(staff.id, submission.value);
  if (!result.ok) return submission.reply({ fieldErrors: { [result.field]: [result.error] } });
  throw redirectWithFlash("/admin/domains", `Rule added for ${submission.value.domain}.`);
}

const POLICY_LABELS = { allow: "Always allow", refuse: "Always refuse" } as const;

export default function DomainRules() {
  const { banner, rules } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "add-rule",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: domainOverrideSchema }),
  });
  // Adding or removing a rule comes back here by a redirect, which leaves the form mounted: start it afresh,
  // without the errors of an earlier attempt.
  useEffect(() => {
    if (banner) form.reset();
  }, [banner]); // not on form: it is a new object on every render
  const errors = summariseErrors({ domain: fields.domain, policy: fields.policy, note: fields.note });
  const initial = (value: unknown) => (typeof value === "string" ? value : undefined);
  return (
    <>
      <Breadcrumbs items={[{ to: "/", label: "Home" }, { to: "/admin/members", label: "Staff tools" }]} />
      {/* A failed second rule must not look like a success (the banner also goes when the page reloads its data). */}
      {banner && errors.length === 0 ? <SuccessBanner>{banner}</SuccessBanner> : null}
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">Staff tools</span>
      <h1>Email domain rules</h1>
      <StaffNav current="/admin/domains" />
      <p>
        People join with a work email address. NHS and public sector addresses are accepted straight away; others wait for
        approval. A rule here overrides that for every address at a domain and its subdomains.
      </p>

      <h2>Current rules</h2>
      {rules.length === 0 ? (
        <p>There are no rules. Every domain follows the usual checks.</p>
      ) : (
        <ScrollingTable caption="Email domain rules">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Domain</th>
              <th scope="col" className="nhsuk-table__header">Rule</th>
              <th scope="col" className="nhsuk-table__header">Note</th>
              <th scope="col" className="nhsuk-table__header">Added</th>
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rules.map((rule) => (
              <tr key={rule.domain} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{rule.domain}</td>
                <td className="nhsuk-table__cell">{POLICY_LABELS[rule.policy]}</td>
                <td className="nhsuk-table__cell">{rule.note}</td>
                <td className="nhsuk-table__cell">
                  {formatUkDay(rule.created_at)}
                  {rule.created_by_name ? ` by ${rule.created_by_name}` : ""}
                </td>
                <td className="nhsuk-table__cell">
                  {/* Removing changes who can join from a whole domain, so it asks first. */}
                  <Link to={`/admin/domains/${encodeURIComponent(rule.domain)}/remove`}>
                    Remove<span className="nhsuk-u-visually-hidden"> the rule for {rule.domain}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Add a rule</h2>
          <Form method="post" {...getFormProps(form)}>
            <TextField
              id={fields.domain.id}
              name={fields.domain.name}
              label="Domain"
              hint="The part of the email address after the @, like example.org. A rule for example.org also covers its subdomains, such as mail.example.org."
              spellCheck={false}
              width={20}
              defaultValue={initial(fields.domain.initialValue)}
              errors={fields.domain.errors}
            />
            <RadioGroup
              id={fields.policy.id}
              name={fields.policy.name}
              legend="Rule"
              choices={[
                { value: "allow", label: "Always allow", hint: "People with this domain become members without waiting for approval. Not possible for personal or temporary email services such as Gmail." },
                { value: "refuse", label: "Always refuse", hint: "People with this domain cannot join" },
              ]}
              defaultValue={initial(fields.policy.initialValue)}
              errors={fields.policy.errors}
            />
            <TextareaField
              id={fields.note.id}
              name={fields.note.name}
              label="Note (optional)"
              hint="Why the rule is needed, for other staff"
              rows={3}
              defaultValue={initial(fields.note.initialValue)}
              errors={fields.note.errors}
            />
            <SubmitButton>Add rule</SubmitButton>
          </Form>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
