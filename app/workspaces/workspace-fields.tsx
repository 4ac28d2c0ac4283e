import type { FieldMetadata } from "@conform-to/react";
import { initialText, RadioGroup, SelectField, TextareaField, TextField } from "~/ui/forms";
import { VISIBILITIES, WORKSPACE_KINDS } from "./options";

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;


/** The fields staff fill in to create or change a workspace (the web address only when creating). */
export function WorkspaceFields({
  fields,
  parents,
}: {
  fields: { name: Field; description: Field; kind: Field; visibility: Field; parentId: Field; rules: Field; slug?: Field };
  parents: Array<{ id: number; name: string }>;
}) {
  return (
    <>
      <TextField id={fields.name.id} name={fields.name.name} label="Name" defaultValue={initialText(fields.name)} errors={fields.name.errors} />
      {fields.slug ? (
        <TextField
          id={fields.slug.id}
          name={fields.slug.name}
          label="Web address"
          hint="The end of the workspace's address, like north-east for /workspaces/north-east. It cannot be changed later."
          spellCheck={false}
          width={20}
          defaultValue={initialText(fields.slug)}
          errors={fields.slug.errors}
        />
      ) : null}
      <TextareaField
        id={fields.description.id}
        name={fields.description.name}
        label="Description"
        hint="One or two sentences. Every member sees this, even for a private workspace."
        rows={3}
        defaultValue={initialText(fields.description)}
        errors={fields.description.errors}
      />
      <RadioGroup
        id={fields.kind.id}
        name={fields.kind.name}
        legend="Kind"
        choices={WORKSPACE_KINDS.map((kind) => ({ value: kind.value, label: kind.label }))}
        defaultValue={initialText(fields.kind)}
        errors={fields.kind.errors}
      />
      <RadioGroup
        id={fields.visibility.id}
        name={fields.visibility.name}
        legend="Who can read it"
        choices={VISIBILITIES.map((visibility) => ({ value: visibility.value, label: visibility.label, hint: visibility.hint }))}
        defaultValue={initialText(fields.visibility)}
        errors={fields.visibility.errors}
      />
      <SelectField
        id={fields.parentId.id}
        name={fields.parentId.name}
        label="Area within another workspace (optional)"
        hint="An area has its own members and leads, and is listed under the workspace it is in."
        options={parents.map((parent) => ({ value: String(parent.id), label: parent.name }))}
        defaultValue={initialText(fields.parentId)}
        emptyLabel="None: a workspace of its own"
        errors={fields.parentId.errors}
      />
      <TextareaField
        id={fields.rules.id}
        name={fields.rules.name}
        label="This workspace's own rules (optional)"
        hint="Shown after the rules for every workspace. You can use Markdown."
        rows={5}
        defaultValue={initialText(fields.rules)}
        errors={fields.rules.errors}
      />
    </>
  );
}
