import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary, initialText, RadioGroup, SubmitButton, summariseErrors, TextareaField, TextField } from "~/ui/forms";
import { OnceField } from "~/ui/once-field";
import { newWebinarSchema, seriesSchema, webinarSchema } from "./webinar-form-schema";

/** The staff form for creating a webinar or series, editing one webinar, or a series' settings. */

export type WebinarFormMode = "new" | "edit" | "series";

/** The form's values as text, as the browser sends them ("on" for a ticked box). */
export type WebinarFormValues = { [Name in "kind" | "title" | "description" | "speakers" | "audience" | "day" | "month" | "year" | "date" | "startTime" | "durationMinutes" | "capacity" | "meetingUrl" | "registrationOpen" | "question1" | "question2" | "question3"]?: string };

/** A new webinar's form starts with the usual settings: an hour at 1pm, 300 places, registration open. */
export const NEW_WEBINAR_VALUES: WebinarFormValues = { startTime: "13:00", durationMinutes: "60", capacity: "300", registrationOpen: "on" };

const SCHEMAS = { new: newWebinarSchema, edit: webinarSchema, series: seriesSchema };


/** NHS date input: day, month and year boxes in one group, with one error message for the group. */
function DateInput({ values, errors }: { values: { day?: string; month?: string; year?: string }; errors?: string[] }) {
  const errorId = errors?.length ? "date-error" : undefined;
  const part = (name: "day" | "month" | "year", label: string, width: 2 | 4) => (
    <div className="nhsuk-date-input__item">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-date-input__label" htmlFor={name === "day" ? "date" : `date-${name}`}>
          {label}
        </label>
        <input
          className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${errorId ? " nhsuk-input--error" : ""}`}
          id={name === "day" ? "date" : `date-${name}`}
          name={name}
          type="text"
          inputMode="numeric"
          defaultValue={values[name]}
        />
      </div>
    </div>
  );
  return (
    <div className={`nhsuk-form-group${errorId ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={["date-hint", errorId].filter(Boolean).join(" ")}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Date</legend>
        <div className="nhsuk-hint" id="date-hint">
          The date in the UK. For a series, the date of the first webinar. For example, 7 4 2027
        </div>
        {errorId ? (
          <span className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {errors?.join(". ")}
          </span>
        ) : null}
        <div className="nhsuk-date-input">
          {part("day", "Day", 2)}
          {part("month", "Month", 2)}
          {part("year", "Year", 4)}
        </div>
      </fieldset>
    </div>
  );
}

export function WebinarForm({
  mode,
  defaultValue,
  lastResult,
  submitLabel,
  heading,
  children,
  once,
}: {
  mode: WebinarFormMode;
  defaultValue: WebinarFormValues;
  lastResult: SubmissionResult<string[]> | undefined | null;
  submitLabel: string;
  /** The caption and h1: the error summary goes above them. */
  heading: ReactNode;
  /** Shown above the button (e.g. the "apply to upcoming webinars" choice for a series). */
  children?: ReactNode;
  /** A create form's one-time token (OnceField); edit forms have none. */
  once?: string;
}) {
  const [form, fields] = useForm({
    id: `webinar-${mode}`,
    lastResult: lastResult ?? undefined,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SCHEMAS[mode] }),
  });
  const withTiming = mode !== "series";
  const dateField = { id: "date", errors: fields.date.errors };
  const errors = summariseErrors(
    {
      ...(mode === "new" ? { kind: fields.kind } : {}),
      title: fields.title,
      description: fields.description,
      speakers: fields.speakers,
      audience: fields.audience,
      ...(withTiming ? { date: dateField, startTime: fields.startTime, durationMinutes: fields.durationMinutes } : {}),
      capacity: fields.capacity,
      meetingUrl: fields.meetingUrl,
      question1: fields.question1,
      question2: fields.question2,
      question3: fields.question3,
    },
    form.errors,
    "title",
  );
  const field = (name: keyof WebinarFormValues) => ({ id: name, name, errors: fields[name].errors, defaultValue: initialText(fields[name]) });
  return (
    <>
      <ErrorSummary errors={errors} />
      {heading}
      <Form method="post" {...getFormProps(form)}>
        {once ? <OnceField token={once} /> : null}
        {mode === "new" ? (
          <RadioGroup
            {...field("kind")}
            legend="What are you setting up?"
            choices={[
              { value: "single", label: "One webinar" },
              { value: "series", label: "A series every 14 days", hint: "We list the next 6 dates and keep adding more. You can change or cancel each one." },
            ]}
            defaultValue={initialText(fields.kind)}
          />
        ) : null}
        <TextField {...field("title")} label="Title" hint={mode === "series" ? "Each webinar in the series starts with this title; you can change it on each one" : undefined} />
        <TextareaField {...field("description")} label="Description" hint="What it covers, in a few sentences. Leave a blank line between paragraphs." rows={6} />
        <TextField {...field("speakers")} label="Speakers (optional)" hint="Names and organisations, for example: Ruth Okonjo, Ashbourne Community Gardens" />
        <TextField {...field("audience")} label="Who it is for (optional)" hint="For example: link workers in their first year" />
        {withTiming ? (
          <>
            <DateInput values={{ day: initialText(fields.day), month: initialText(fields.month), year: initialText(fields.year) }} errors={fields.date.errors} />
            <TextField {...field("startTime")} label="Start time (UK time)" hint="For example, 13:00 or 1pm" width={5} />
            <TextField {...field("durationMinutes")} label="Length in minutes" hint="For example, 60" width={3} inputMode="numeric" />
          </>
        ) : null}
        <TextField
          {...field("capacity")}
          label="Number of places"
          hint="Approved registrations beyond this go on the waiting list. Adding places later gives them to the waiting list straight away; taking places away does not take anyone's place."
          width={4}
          inputMode="numeric"
        />
        <TextField
          {...field("meetingUrl")}
          type="url"
          label="Teams or Zoom meeting link"
          hint="Only people with an approved place get it, through the Join button on their personal joining page. It is never shown on public pages or in calendar files."
          spellCheck={false}
        />
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset" aria-describedby="registrationOpen-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Registration</legend>
            <div className="nhsuk-hint" id="registrationOpen-hint">
              When registration first opens, members who asked for event emails are told about it (once). It closes by itself
              when the webinar starts.
            </div>
            <div className="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="registrationOpen"
                  name="registrationOpen"
                  type="checkbox"
                  value="on"
                  defaultChecked={fields.registrationOpen.initialValue === "on"}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="registrationOpen">
                  Registration is open
                </label>
              </div>
            </div>
          </fieldset>
        </div>
        <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Questions for people registering (optional)</legend>
          <div className="nhsuk-hint">Answers are optional, so registering stays quick. Leave these empty to ask nothing.</div>
          <TextField {...field("question1")} label="Question 1" />
          <TextField {...field("question2")} label="Question 2" />
          <TextField {...field("question3")} label="Question 3" />
        </fieldset>
        {children}
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
