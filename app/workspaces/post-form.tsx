import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { ErrorSummary, initialText, SubmitButton, summariseErrors, TextareaField, TextField } from "~/ui/forms";
import { OnceField } from "~/ui/once-field";
import { GuardConfirm, GuardWarning, MarkdownHint } from "./components";
import type { GuardFlag } from "./patient-data-guard";
import { postFormSchema, type postSchema } from "./schemas";

/** What a post form's action returns: conform's reply, and what the patient-data guard found if it held the post. */
export interface PostActionData {
  result: SubmissionResult<string[]>;
  held: GuardFlag[];
}

type PostFormValue = z.output<typeof postSchema>;

/**
 * The form for writing a post: a new thread (title and message), a reply, or an edit. When the guard
 * held the post the words come back as written, with the warning and the box to confirm.
 */
export function PostForm({
  id,
  actionData,
  withTitle,
  defaults,
  submitLabel,
  intent,
  bodyLabel,
  once,
}: {
  id: string;
  actionData: PostActionData | undefined;
  withTitle: boolean;
  defaults?: { title?: string; body?: string };
  submitLabel: string;
  intent?: string;
  bodyLabel: string;
  /** A new thread's or reply's one-time token (OnceField); editing has none. */
  once?: string;
}) {
  const schema = postFormSchema(withTitle);
  const [form, fields] = useForm<PostFormValue>({
    id,
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    defaultValue: defaults,
    // One type for the three schemas: the fields they share are the same; thread and edit add a title.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: schema as typeof postSchema }),
  });
  const held = actionData?.held ?? [];
  const confirmId = `${id}-confirm`;
  const errorFields: Record<string, { id: string; errors?: string[] }> = withTitle ? { title: fields.title } : {};
  errorFields.body = fields.body;
  errorFields.confirmNotPatientData = { id: confirmId, errors: fields.confirmNotPatientData.errors };
  return (
    <>
      <ErrorSummary errors={summariseErrors(errorFields, form.errors, fields.body.id)} />
      <GuardWarning flags={held} confirmId={confirmId} />
      <Form method="post" {...getFormProps(form)}>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        {once ? <OnceField token={once} /> : null}
        {withTitle ? (
          <TextField id={fields.title.id} name={fields.title.name} label="Title" defaultValue={initialText(fields.title)} errors={fields.title.errors} />
        ) : null}
        <TextareaField
          id={fields.body.id}
          name={fields.body.name}
          label={bodyLabel}
          hint={<MarkdownHint />}
          rows={8}
          defaultValue={initialText(fields.body)}
          errors={fields.body.errors}
        />
        {held.length > 0 ? <GuardConfirm id={confirmId} errors={fields.confirmNotPatientData.errors} /> : null}
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
