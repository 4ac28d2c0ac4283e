import type { ReactNode } from "react";
import { CheckboxGroup, initialList, initialText, RadioGroup, TextField } from "~/ui/forms";
import { JOB_ROLES, REGIONS, WORKSPACE_INTERESTS } from "./profile-options";

/** What the components need of a conform field. */
interface Field {
  id: string;
  name: string;
  initialValue?: unknown;
  errors?: string[];
}

type ProfileFieldName = "fullName" | "organisation" | "jobRole" | "region" | "icbPcn" | "workspaceInterests";

/** The profile questions, shared by the joining form and "Change your details". */
export function ProfileFields({
  fields,
  afterFullName,
}: {
  fields: Record<ProfileFieldName, Field>;
  /** The joining form asks for the email address second. */
  afterFullName?: ReactNode;
}) {
  const { fullName, organisation, jobRole, region, icbPcn, workspaceInterests } = fields;
  return (
    <>
      <TextField
        id={fullName.id}
        name={fullName.name}
        label="Full name"
        autoComplete="name"
        spellCheck={false}
        defaultValue={initialText(fullName)}
        errors={fullName.errors}
      />
      {afterFullName}
      <TextField
        id={organisation.id}
        name={organisation.name}
        label="Organisation"
        hint="For example, the PCN, GP practice, council or charity you work for"
        autoComplete="organization"
        defaultValue={initialText(organisation)}
        errors={organisation.errors}
      />
      <RadioGroup
        id={jobRole.id}
        name={jobRole.name}
        legend="Job role"
        choices={[...JOB_ROLES]}
        defaultValue={initialText(jobRole)}
        errors={jobRole.errors}
      />
      <RadioGroup
        id={region.id}
        name={region.name}
        legend="NHS England region you work in"
        choices={[...REGIONS]}
        defaultValue={initialText(region)}
        errors={region.errors}
      />
      <TextField
        id={icbPcn.id}
        name={icbPcn.name}
        label="ICB or PCN (optional)"
        hint="The integrated care board or primary care network you work in"
        defaultValue={initialText(icbPcn)}
        errors={icbPcn.errors}
      />
      <CheckboxGroup
        id={workspaceInterests.id}
        name={workspaceInterests.name}
        legend="Which workspaces interest you? (optional)"
        hint="Workspaces are where members share ideas and local news. Select all that apply."
        choices={[...WORKSPACE_INTERESTS]}
        defaultValues={initialList(workspaceInterests)}
        errors={workspaceInterests.errors}
      />
    </>
  );
}
