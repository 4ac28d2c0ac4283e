import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Link } from "~/ui/link";
import type { z } from "zod";
import { Breadcrumbs } from "./breadcrumbs";
import { ErrorSummary, initialText, SubmitButton, summariseErrors, TextareaField } from "./forms";

/** A staff confirmation page about one member that needs a written reason (declining or removing them). */
export function MemberReasonPage({
  member,
  heading,
  id,
  schema,
  lastResult,
  label,
  hint,
  button,
}: {
  member: { id: number; fullName: string; email: string; organisation: string };
  heading: string;
  /** The form's id. */
  id: string;
  schema: z.ZodType<{ reason: string }>;
  lastResult: SubmissionResult<string[]> | undefined;
  label: string;
  hint: string;
  button: string;
}) {
  const [form, fields] = useForm<{ reason: string }>({
    id,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const errors = summariseErrors({ reason: fields.reason }, form.errors, fields.reason.id);
  const memberPage = `/admin/members/${member.id}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/", label: "Home" },
          { to: "/admin/members", label: "Members" },
          { to: memberPage, label: member.fullName },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{member.fullName}</span>
          <h1>{heading}</h1>
          <p>
            {member.email}, {member.organisation}
          </p>
          <ErrorSummary errors={errors} />
          <Form method="post" {...getFormProps(form)}>
            <TextareaField
              id={fields.reason.id}
              name={fields.reason.name}
              label={label}
              hint={hint}
              defaultValue={initialText(fields.reason)}
              errors={fields.reason.errors}
            />
            <SubmitButton warning>{button}</SubmitButton>
          </Form>
          <p>
            <Link to={memberPage}>Cancel</Link>
          </p>
        </div>
      </div>
    </>
  );
}
