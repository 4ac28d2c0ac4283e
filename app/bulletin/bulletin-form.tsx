import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ErrorSummary, initialText, SubmitButton, summariseErrors, TextareaField, TextField } from "~/ui/forms";
import { OnceField } from "~/ui/once-field";
import { bulletinSchema } from "./bulletin-schema";

/** Writing or editing a bulletin: subject, preview text and the Markdown body. */
export function BulletinForm({
  lastResult,
  defaults,
  button,
  once,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaults?: { subject: string; preheader: string; body: string };
  button: string;
  /** A create form's one-time token (OnceField); edit forms have none. */
  once?: string;
}) {
  const [form, fields] = useForm({
    id: "bulletin",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bulletinSchema }),
  });
  return (
    <>
      <ErrorSummary errors={summariseErrors({ subject: fields.subject, preheader: fields.preheader, body: fields.body }, form.errors, fields.subject.id)} />
      <Form method="post" {...getFormProps(form)}>
        {once ? <OnceField token={once} /> : null}
        <TextField id={fields.subject.id} name={fields.subject.name} label="Subject" defaultValue={initialText(fields.subject)} errors={fields.subject.errors} />
        <TextField
          id={fields.preheader.id}
          name={fields.preheader.name}
          label="Preview text (optional)"
          hint="A sentence that many mail programs show after the subject in the inbox."
          defaultValue={initialText(fields.preheader)}
          errors={fields.preheader.errors}
        />
        <TextareaField
          id={fields.body.id}
          name={fields.body.name}
          label="The bulletin"
          rows={20}
          hint={
            <>
              Written in Markdown. Leave a blank line between paragraphs. Start a line with <code>#</code> for a heading
              (<code>##</code> for a smaller one) and <code>-</code> for a list item. Links look like{" "}
              <code>[the FAQ](https://example.org/faq)</code> or <code>[the FAQ](/faq)</code> for a page on the portal; pictures
              like <code>![what it shows](https://example.org/picture.jpg)</code>. Links must start with https or mailto and
              pictures with https. HTML is shown as typed, not used.
            </>
          }
          defaultValue={initialText(fields.body)}
          errors={fields.body.errors}
        />
        <SubmitButton>{button}</SubmitButton>
      </Form>
    </>
  );
}
