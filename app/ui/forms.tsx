import { Fragment, useEffect, useRef, useState, type ReactNode } from "react";
import { useNavigation } from "@remix-run/react";
import { useErrorTitle } from "~/ui/document-meta";
import { nhsukFrontend } from "~/ui/nhsuk-frontend";

/**
 * NHS.UK form patterns as small components. They take plain props (not conform objects)
 * so they work the same in any form: pass a conform field's `id`, `name` and `errors`.
 */

export interface FieldError {
  /** id of the input the error is about, so the summary link can move focus to it. */
  fieldId: string;
  /** id of the field's form group (see formGroupId), when it has one: where the link goes without JavaScript. */
  groupId?: string;
  message: string;
}

/** A form field's value from the submission being shown again, for a text input's `defaultValue`. */
export function initialText(field: { initialValue?: unknown }): string | undefined {
  return typeof field.initialValue === "string" ? field.initialValue : undefined;
}

/** The same for a checkbox group: the values ticked (one ticked box comes back as a single value). */
export function initialList(field: { initialValue?: unknown }): string[] {
  const value = field.initialValue;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}

/** The id of the NHS form group around the field whose input has `fieldId`. */
export function formGroupId(fieldId: string): string {
  return `${fieldId}-form-group`;
}

/**
 * The NHS error summary. Its links do what the design system's do: with JavaScript, nhsuk-frontend's
 * ErrorSummary script scrolls the field's label or legend into view and focuses the input; without it, a
 * link goes to the field's form group, so the page scrolls to the label rather than past it to the input.
 */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scripted, setScripted] = useState(false);
  const key = errors.map((error) => error.message).join("\n");
  const shown = errors.length > 0;
  // Errors from a submission handled in the browser arrive without a page load: move focus to the summary
  // so screen readers announce it, as nhsuk-frontend does on a page load.
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  // The summary can appear long after nhsuk-frontend started (initAll only finds what is on the page then),
  // so each summary starts its own script. It focuses nothing itself: the effect above does.
  useEffect(() => {
    const element = ref.current;
    if (!shown || !element) return;
    setScripted(true);
    void nhsukFrontend().then(({ ErrorSummary: Script }) => {
      if (element.isConnected && !element.hasAttribute("data-nhsuk-error-summary-init")) new Script(element, { disableAutoFocus: true });
    });
  }, [shown]);
  useErrorTitle(shown);
  if (!shown) return null;
  return (
    // No data-module: nhsuk-frontend's initAll would start a second script on it (see above).
    <div className="nhsuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">{title}</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId}:${error.message}`}>
                <a href={`#${scripted ? error.fieldId : (error.groupId ?? error.fieldId)}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Collects conform field errors into summary entries, in form order. Errors about the whole form link to
 * `formErrorTarget` (by default the main content).
 */
export function summariseErrors(
  fields: Record<string, { id: string; errors?: string[] | undefined }>,
  formErrors?: string[],
  formErrorTarget?: string,
): FieldError[] {
  const summary: FieldError[] = [];
  for (const field of Object.values(fields)) {
    for (const message of field.errors ?? []) summary.push({ fieldId: field.id, groupId: formGroupId(field.id), message });
  }
  const target = formErrorTarget ?? "maincontent";
  const targetIsField = Object.values(fields).some((field) => field.id === target);
  for (const message of formErrors ?? []) summary.push({ fieldId: target, groupId: targetIsField ? formGroupId(target) : undefined, message });
  return summary;
}

const EMAIL_ADDRESS = /([^\s@]+@[^\s@]+\.[a-z]{2,})(?=[.,;:)]?(?:\s|$))/gi;

/** Text with each email address in it as a mailto link (an error telling people whom to email). */
function withMailtoLinks(text: string): ReactNode[] {
  return text.split(EMAIL_ADDRESS).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={`mailto:${part}`}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

function ErrorMessage({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {withMailtoLinks(runTogether(errors))}
    </span>
  );
}

/** Several messages as one text, with a full stop between them only where a message has not ended with one. */
function runTogether(messages: string[]): string {
  return messages.reduce((text, message) => `${text}${/[.!?]$/.test(text) ? " " : ". "}${message}`);
}

function describedBy(...ids: Array<string | false | undefined>) {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

interface LabelledFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  labelIsHeading?: boolean;
  /** Renders the control, given its aria-describedby and whether it is in error. */
  children: (control: { describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** The NHS form group around one control: label (optionally the page heading), hint, error message. */
function LabelledField({ id, label, hint, errors, labelIsHeading, children }: LabelledFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const labelElement = (
    <label className={labelIsHeading ? "nhsuk-label nhsuk-label--l" : "nhsuk-label"} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`nhsuk-form-group${errorId ? " nhsuk-form-group--error" : ""}`} id={formGroupId(id)}>
      {labelIsHeading ? <h1 className="nhsuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {errorId ? <ErrorMessage id={errorId} errors={errors} /> : null}
      {children({ describedBy: describedBy(hintId, errorId), invalid: Boolean(errorId) })}
    </div>
  );
}

export interface TextFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  defaultValue?: string;
  type?: "text" | "email" | "search" | "tel" | "url" | "date" | "time";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email";
  spellCheck?: boolean;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  required?: boolean;
  labelIsHeading?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { id, name, width } = props;
  return (
    <LabelledField {...props}>
      {({ describedBy, invalid }) => (
        <input
          className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ""}${invalid ? " nhsuk-input--error" : ""}`}
          id={id}
          name={name}
          type={props.type ?? "text"}
          defaultValue={props.defaultValue}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          spellCheck={props.spellCheck}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          aria-required={props.required ? true : undefined}
        />
      )}
    </LabelledField>
  );
}

/** A file input in its NHS form group; the form around it needs `encType="multipart/form-data"`. */
export function FileField({ id, name, label, hint, errors, accept }: { id: string; name: string; label: ReactNode; hint?: ReactNode; errors?: string[]; accept: string }) {
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      {({ describedBy, invalid }) => (
        <input
          className="nhsuk-file-upload__input"
          id={id}
          name={name}
          type="file"
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
        />
      )}
    </LabelledField>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /**
   * Fields that belong to this choice only, shown under it (the NHS.UK "conditional reveal"): with
   * JavaScript only the chosen one's are shown; without it all are, each labelled for its choice.
   */
  conditional?: ReactNode;
}

interface ChoiceGroupProps {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  choices: Choice[];
}

export function RadioGroup(props: ChoiceGroupProps & { defaultValue?: string }) {
  return <ChoiceGroup {...props} kind="radios" defaultValues={props.defaultValue ? [props.defaultValue] : []} />;
}

export function CheckboxGroup(props: ChoiceGroupProps & { defaultValues?: string[] }) {
  return <ChoiceGroup {...props} kind="checkboxes" defaultValues={props.defaultValues ?? []} />;
}

function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  errors,
  choices,
  kind,
  defaultValues,
}: ChoiceGroupProps & { kind: "radios" | "checkboxes"; defaultValues: string[] }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const inputType = kind === "radios" ? "radio" : "checkbox";
  // Which choices are ticked, for their conditional fields: React shows and hides them, so they work on a
  // page reached by client-side navigation too (nhsuk-frontend's script starts once, on the first page).
  // The hidden class only hides once nhsuk-frontend is running, so without JavaScript every field shows.
  const [ticked, setTicked] = useState(defaultValues);
  const onChange = (value: string, checked: boolean) =>
    setTicked((current) => (kind === "radios" ? [value] : checked ? [...current, value] : current.filter((other) => other !== value)));
  return (
    <div className={`nhsuk-form-group${errorId ? " nhsuk-form-group--error" : ""}`} id={formGroupId(id)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        {errorId ? <ErrorMessage id={errorId} errors={errors} /> : null}
        <div className={`nhsuk-${kind}`} data-module={`nhsuk-${kind}`}>
          {choices.map((choice, index) => {
            // The first option carries the group id so the error summary link lands on it.
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            const optionHintId = choice.hint ? `${optionId}-item-hint` : undefined;
            const conditionalId = choice.conditional ? `conditional-${optionId}` : undefined;
            return (
              <Fragment key={choice.value}>
                <div className={`nhsuk-${kind}__item`}>
                  <input
                    className={`nhsuk-${kind}__input`}
                    id={optionId}
                    name={name}
                    type={inputType}
                    value={choice.value}
                    defaultChecked={defaultValues.includes(choice.value)}
                    onChange={(event) => onChange(choice.value, event.currentTarget.checked)}
                    aria-describedby={optionHintId}
                    aria-controls={conditionalId}
                  />
                  <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={optionId}>
                    {choice.label}
                  </label>
                  {choice.hint ? (
                    <div className={`nhsuk-hint nhsuk-${kind}__hint`} id={optionHintId}>
                      {choice.hint}
                    </div>
                  ) : null}
                </div>
                {conditionalId ? (
                  <div className={`nhsuk-${kind}__conditional${ticked.includes(choice.value) ? "" : ` nhsuk-${kind}__conditional--hidden`}`} id={conditionalId}>
                    {choice.conditional}
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function SelectField({
  id,
  name,
  label,
  hint,
  errors,
  options,
  defaultValue,
  emptyLabel = "Choose an option",
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  options: Array<{ value: string; label: string }>;
  defaultValue?: string;
  /** The first, empty option, e.g. "Any region" for a filter. */
  emptyLabel?: string;
}) {
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      {({ describedBy, invalid }) => (
        <select
          className={`nhsuk-select${invalid ? " nhsuk-select--error" : ""}`}
          id={id}
          name={name}
          defaultValue={defaultValue ?? ""}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
        >
          <option value="">{emptyLabel}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

export function TextareaField({
  id,
  name,
  label,
  hint,
  errors,
  defaultValue,
  rows = 5,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  defaultValue?: string;
  rows?: number;
}) {
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      {({ describedBy, invalid }) => (
        <textarea
          className={`nhsuk-textarea${invalid ? " nhsuk-textarea--error" : ""}`}
          id={id}
          name={name}
          rows={rows}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
        />
      )}
    </LabelledField>
  );
}

/**
 * A form's submit button. While a submission is on its way, clicking again does nothing, so a double
 * click sends the form once. Not nhsuk-frontend's data-prevent-double-click: that ignores clicks for a
 * fixed second (too short for a slow answer, and long enough to swallow a quick correction after an
 * error), and its script only starts on the buttons of the page the browser loaded. Without JavaScript
 * the server answers a repeated create as the first (app/lib/once.server.ts).
 */
export function SubmitButton({ children, secondary, warning }: { children: ReactNode; secondary?: boolean; warning?: boolean }) {
  const navigation = useNavigation();
  // Submitting, or loading the page the submission redirected to.
  const sending = navigation.formData !== undefined;
  const variant = warning ? " nhsuk-button--warning" : secondary ? " nhsuk-button--secondary" : "";
  return (
    <button
      className={`nhsuk-button${variant}`}
      data-module="nhsuk-button"
      type="submit"
      onClick={(event) => {
        if (sending) event.preventDefault();
      }}
    >
      {children}
    </button>
  );
}
