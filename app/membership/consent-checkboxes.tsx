type Consent = "bulletin" | "events";

const CONSENTS: ReadonlyArray<{ name: Consent; label: string; hint: string }> = [
  {
    name: "bulletin",
    label: "Send me the monthly bulletin",
    hint: "News, guidance and stories from link workers across England, once a month",
  },
  {
    name: "events",
    label: "Tell me about new webinars and events",
    hint: "An email when a new webinar or event opens for registration",
  },
];

/**
 * The two email consents as separate boxes, so each is agreed to (or not) on its own; the joining
 * form and the preferences page put them in their own fieldsets.
 */
export function ConsentCheckboxes({
  ids,
  checked,
  withHints = false,
}: {
  ids: Record<Consent, string>;
  checked: Record<Consent, boolean>;
  withHints?: boolean;
}) {
  return (
    <div className="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
      {CONSENTS.map(({ name, label, hint }) => {
        const hintId = withHints ? `${ids[name]}-item-hint` : undefined;
        return (
          <div key={name} className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={ids[name]}
              name={name}
              type="checkbox"
              value="on"
              defaultChecked={checked[name]}
              aria-describedby={hintId}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={ids[name]}>
              {label}
            </label>
            {hintId ? (
              <div className="nhsuk-hint nhsuk-checkboxes__hint" id={hintId}>
                {hint}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
