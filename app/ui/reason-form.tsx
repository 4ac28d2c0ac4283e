import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import type { z } from "zod";
import { ErrorSummary, SubmitButton, summariseErrors, TextareaField } from "./forms";

/** A staff confirmation form that needs a written reason (declining or removing a member). */
export function ReasonForm({
  id,
  schema,
  lastResult,
  label,
  hint,
  button,
  cancelTo,
}: {
  id: string;
  schema: z.ZodType<{ reason: string }>;
  lastResult: SubmissionResult<string[]> | undefined;
  label: string;
  hint: string;
  button: string;
  cancelTo: string;
}) {
  const [form, fields] = useForm<{ reason: string }>({
    id,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const errors = summariseErrors({ reason: fields.reason }, form.errors, fields.reason.id);
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" {...getFormProps(form)}>
        <TextareaField
          id={fields.reason.id}
          name={fields.reason.name}
          label={label}
          hint={hint}
          defaultValue={typeof fields.reason.initialValue === "string" ? fields.reason.initialValue : undefined}
          errors={fields.reason.errors}
        />
        <SubmitButton warning>{button}</SubmitButton>
      </Form>
      <p>
        <Link to={cancelTo}>Cancel</Link>
      </p>
    </>
  );
}
