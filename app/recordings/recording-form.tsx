import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { CheckboxGroup, ErrorSummary, initialList, initialText, SelectField, SubmitButton, summariseErrors, TextareaField, TextField } from "~/ui/forms";
import { formatUkDay } from "~/ui/dates";
import { OnceField } from "~/ui/once-field";
import { recordingSchema } from "./recording-schema";
import { THEMES } from "./themes";

export interface RecordingFormDefaults {
  webinarId?: string;
  title?: string;
  description?: string;
  speakers?: string;
  themes?: string[];
  duration?: string;
  externalUrl?: string;
}

/** The staff form for a recording's details, for adding one and for changing one. */
export function RecordingForm({
  lastResult,
  defaults,
  webinars,
  embedHosts,
  button,
  once,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: RecordingFormDefaults;
  webinars: Array<{ id: number; title: string; startsAt: string }>;
  embedHosts: string[];
  button: string;
  /** A create form's one-time token (OnceField); edit forms have none. */
  once?: string;
}) {
  const [form, fields] = useForm({
    id: "recording",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recordingSchema }),
  });
  const { webinarId, title, description, speakers, themes, duration, externalUrl } = fields;
  return (
    <>
      <ErrorSummary errors={summariseErrors({ webinarId, title, description, speakers, themes, duration, externalUrl }, form.errors, webinarId.id)} />
      <Form method="post" {...getFormProps(form)}>
        {once ? <OnceField token={once} /> : null}
        <SelectField
          id={webinarId.id}
          name={webinarId.name}
          label="Webinar"
          hint="The webinar this is a recording of. The recording takes its date."
          emptyLabel="Choose a webinar"
          options={webinars.map((webinar) => ({ value: String(webinar.id), label: `${webinar.title} (${formatUkDay(webinar.startsAt)})` }))}
          defaultValue={initialText(webinarId)}
          errors={webinarId.errors}
        />
        <TextField id={title.id} name={title.name} label="Title" defaultValue={initialText(title)} errors={title.errors} />
        <TextareaField
          id={description.id}
          name={description.name}
          label="Description"
          hint="What the webinar covered, in a few sentences. Leave a blank line between paragraphs."
          defaultValue={initialText(description)}
          errors={description.errors}
        />
        <TextField
          id={speakers.id}
          name={speakers.name}
          label="Speakers (optional)"
          hint="Separate speakers with a semicolon, for example: Dr Aisha Rahman; Tom Okafor"
          defaultValue={initialText(speakers)}
          errors={speakers.errors}
        />
        <CheckboxGroup
          id={themes.id}
          name={themes.name}
          legend="Themes"
          hint="Members can filter the library by theme, and see related recordings. Select all that apply."
          choices={THEMES.map(({ value, label }) => ({ value, label }))}
          defaultValues={initialList(themes)}
          errors={themes.errors}
        />
        <TextField
          id={duration.id}
          name={duration.name}
          label="Length of the video (optional)"
          hint="Like 58:30 or 1:02:05. Uploading an MP4 or WebM file fills this in from the file."
          width={5}
          defaultValue={initialText(duration)}
          errors={duration.errors}
        />
        {embedHosts.length ? (
          <TextField
            id={externalUrl.id}
            name={externalUrl.name}
            type="url"
            label="Address of the video on another site (optional)"
            hint={`Only if the video is kept on ${embedHosts.join(" or ")} rather than uploaded here: the address of its player, starting with https://`}
            defaultValue={initialText(externalUrl)}
            errors={externalUrl.errors}
          />
        ) : null}
        <SubmitButton>{button}</SubmitButton>
      </Form>
    </>
  );
}
