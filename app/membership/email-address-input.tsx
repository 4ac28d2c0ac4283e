import { initialText, TextField } from "~/ui/forms";

/** The input for `emailAddressField` (email-address.ts): the same on the joining, sign-in and change-of-address forms. */
export function EmailAddressInput({
  field,
  label,
  hint,
}: {
  field: { id: string; name: string; initialValue?: unknown; errors?: string[] };
  label: string;
  hint: string;
}) {
  return (
    <TextField
      id={field.id}
      name={field.name}
      label={label}
      hint={hint}
      type="email"
      autoComplete="email"
      spellCheck={false}
      defaultValue={initialText(field)}
      errors={field.errors}
    />
  );
}
