import type { NewUser } from "#db/schema";
import { nowIso } from "~/clock.server";
import type { Database } from "~/db.server";
import { grantRole } from "~/auth/roles.server";

/** Fictional people for the demo and the browser tests. Sign in as any of them; read the code at /dev/mail. */

interface DemoPerson {
  email: string;
  fullName: string;
  organisation: string;
  jobRole: string;
  region: string;
  icbPcn?: string;
  interests?: string[];
  status: "active" | "pending";
  admin?: boolean;
}

export const DEMO_ADMIN_EMAIL = "demo.admin@nhs.net";
export const DEMO_MEMBER_EMAIL = "demo.member@nhs.net";

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    email: DEMO_ADMIN_EMAIL,
    fullName: "Priya Shah",
    organisation: "Social Prescribing Network team",
    jobRole: "lead-or-manager",
    region: "london",
    status: "active",
    admin: true,
  },
  {
    email: DEMO_MEMBER_EMAIL,
    fullName: "Sam Carter",
    organisation: "Ashcroft Primary Care Network",
    jobRole: "link-worker",
    region: "north-west",
    icbPcn: "Ashcroft PCN",
    interests: ["green-social-prescribing"],
    status: "active",
  },
  {
    email: "tom.okafor@nhs.net",
    fullName: "Tom Okafor",
    organisation: "Riverside Health Partnership PCN",
    jobRole: "link-worker",
    region: "london",
    icbPcn: "Riverside PCN",
    interests: ["london"],
    status: "active",
  },
  {
    email: "sian.hughes@nhs.net",
    fullName: "Siân Hughes",
    organisation: "Tamar Valley Primary Care Network",
    jobRole: "lead-or-manager",
    region: "south-west",
    status: "active",
  },
  {
    email: "daniel.reid@nhs.net",
    fullName: "Daniel Reid",
    organisation: "Midlands Heartland ICB",
    jobRole: "commissioner",
    region: "midlands",
    icbPcn: "Midlands Heartland ICB",
    status: "active",
  },
  {
    email: "grace.mensah@nhs.net",
    fullName: "Grace Mensah",
    organisation: "Calder Moor PCN",
    jobRole: "link-worker",
    region: "north-east-and-yorkshire",
    interests: ["yorkshire-and-the-humber", "maternity-children-young-people"],
    status: "active",
  },
  {
    email: "aisha.rahman@nhs.net",
    fullName: "Dr Aisha Rahman",
    organisation: "Fenway Surgery",
    jobRole: "clinician",
    region: "east-of-england",
    status: "active",
  },
  {
    email: "hannah.price@meadowbank-wellbeing.org.uk",
    fullName: "Hannah Price",
    organisation: "Meadowbank Wellbeing (charity)",
    jobRole: "vcse",
    region: "south-east",
    interests: ["green-social-prescribing"],
    status: "pending",
  },
  {
    email: "marcus.bell@northfold-connect.org.uk",
    fullName: "Marcus Bell",
    organisation: "Northfold Community Connect",
    jobRole: "link-worker",
    region: "north-west",
    icbPcn: "Northfold PCN",
    status: "pending",
  },
  {
    email: "joy.adeyemi@hollowfield-arts.org.uk",
    fullName: "Joy Adeyemi",
    organisation: "Hollowfield Arts for Health",
    jobRole: "other",
    region: "london",
    interests: ["london"],
    status: "pending",
  },
];

/** Northfold Community Connect hosts link workers for a PCN, so staff always allow its domain. */
export const DEMO_DOMAIN_OVERRIDE = {
  domain: "northfold-connect.org.uk",
  policy: "allow" as const,
  note: "Hosts the link workers for Northfold PCN; agreed with the PCN lead.",
};

/** Adds the demo people, the admin role and the domain rule, skipping any already there. */
export async function seedDemoMembers(database: Database): Promise<string> {
  const at = nowIso();
  let added = 0;
  for (const person of DEMO_PEOPLE) {
    const row: NewUser = {
      email: person.email,
      full_name: person.fullName,
      organisation: person.organisation,
      job_role: person.jobRole,
      region: person.region,
      icb_pcn: person.icbPcn ?? null,
      workspace_interests_json: JSON.stringify(person.interests ?? []),
      bulletin_opt_in: person.status === "active" ? 1 : 0,
      events_opt_in: person.status === "active" ? 1 : 0,
      status: person.status,
      status_reason: null,
      email_verified_at: at,
      created_at: at,
      updated_at: at,
    };
    const result = await database.insertInto("users").values(row).onConflict((oc) => oc.column("email").doNothing()).executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  const admin = await database.selectFrom("users").select("id").where("email", "=", DEMO_ADMIN_EMAIL).executeTakeFirstOrThrow();
  await grantRole(admin.id, "admin", { executor: database });
  const override = await database
    .insertInto("domain_overrides")
    .values({ ...DEMO_DOMAIN_OVERRIDE, created_at: at, created_by: admin.id })
    .onConflict((oc) => oc.column("domain").doNothing())
    .executeTakeFirst();

  const parts = [`${added} demo members`];
  if (Number(override.numInsertedOrUpdatedRows ?? 0) > 0) parts.push("1 domain rule");
  return added === 0 && parts.length === 1 ? "" : parts.join(", ");
}
