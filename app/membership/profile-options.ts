/** Choices on the joining form and the account page (shared by server and browser code). */

export const JOB_ROLES = [
  { value: "link-worker", label: "Social prescribing link worker" },
  { value: "lead-or-manager", label: "Senior or lead link worker, or manager" },
  { value: "commissioner", label: "Commissioner" },
  { value: "clinician", label: "GP or clinician" },
  { value: "vcse", label: "VCSE organisation" },
  { value: "other", label: "Other" },
] as const;

export const REGIONS = [
  { value: "north-east-and-yorkshire", label: "North East and Yorkshire" },
  { value: "north-west", label: "North West" },
  { value: "midlands", label: "Midlands" },
  { value: "east-of-england", label: "East of England" },
  { value: "london", label: "London" },
  { value: "south-east", label: "South East" },
  { value: "south-west", label: "South West" },
] as const;

/** Workspaces a joiner can say interest them; slugs match the workspaces that arrive later. */
export const WORKSPACE_INTERESTS = [
  { value: "london", label: "London" },
  { value: "yorkshire-and-the-humber", label: "Yorkshire and the Humber" },
  { value: "green-social-prescribing", label: "Green social prescribing" },
  { value: "maternity-children-young-people", label: "Maternity, children and young people" },
] as const;

export type JobRole = (typeof JOB_ROLES)[number]["value"];
export type Region = (typeof REGIONS)[number]["value"];

/** The options' values as a non-empty tuple, the shape `z.enum` wants. */
export function optionValues<T extends ReadonlyArray<{ value: string }>>(options: T) {
  return options.map((option) => option.value) as [T[number]["value"], ...Array<T[number]["value"]>];
}

export function labelFor(options: ReadonlyArray<{ value: string; label: string }>, value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
