/**
 * The sections of the questions and answers, in page order. A section's id is its anchor on /faq,
 * so it must never equal a question's slug (the loader checks).
 */
export const SECTIONS = [
  { id: "about", title: "About social prescribing" },
  { id: "referrals", title: "Referrals and community support" },
  { id: "evidence-and-recording", title: "Evidence, measuring and recording" },
  { id: "network", title: "Joining and leaving the network" },
  { id: "platform", title: "Signing in and using the portal" },
  { id: "webinars", title: "Webinars and recordings" },
  { id: "link-workers", title: "Training and support for link workers" },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];

export const SECTION_IDS = SECTIONS.map((section) => section.id) as [SectionId, ...SectionId[]];

export const AUDIENCES = {
  everyone: "everyone",
  "link-workers": "link workers",
  managers: "managers",
  referrers: "people who refer",
  commissioners: "commissioners",
} as const;

export type Audience = keyof typeof AUDIENCES;
