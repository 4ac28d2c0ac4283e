/**
 * The themes a recording can be filed under, for the library's filter and "related recordings".
 * Browser-safe: the list and the admin form both use it. Slugs are stored; labels are shown.
 */
export const THEMES = [
  { value: "mental-health", label: "Mental health and wellbeing" },
  { value: "loneliness", label: "Loneliness and isolation" },
  { value: "children-young-people", label: "Children and young people" },
  { value: "money-and-housing", label: "Money, debt and housing" },
  { value: "green-social-prescribing", label: "Green social prescribing" },
  { value: "arts-and-culture", label: "Arts and culture" },
  { value: "physical-activity", label: "Physical activity" },
  { value: "long-term-conditions", label: "Long-term conditions" },
  { value: "evidence-and-data", label: "Evidence, data and recording" },
  { value: "link-worker-wellbeing", label: "Link worker wellbeing and supervision" },
] as const;

export type Theme = (typeof THEMES)[number]["value"];

export function isTheme(value: unknown): value is Theme {
  return THEMES.some((theme) => theme.value === value);
}

export function themeLabel(value: string): string {
  return THEMES.find((theme) => theme.value === value)?.label ?? value;
}
