import { createRequire } from "node:module";
import type { Kysely, Selectable } from "kysely";
import type { DB, DomainOverridesTable } from "#db/schema";
import { config } from "~/config.server";
import { db } from "~/db.server";

/**
 * Which email domains may join, and whether a joiner is trusted at once or reviewed by staff.
 *
 * In order, the first that applies decides:
 * 1. a staff override (`domain_overrides`) for the domain or a parent of it, the most specific first;
 * 2. trusted NHS and government domains: nhs.net, nhs.uk, gov.uk and their subdomains;
 * 3. disposable addresses (`disposable-email-domains`) and personal webmail (`email-providers`, and
 *    MORE_PERSONAL below) are refused;
 * 4. any other domain is an organisation staff do not know yet: the joiner waits for review.
 */
export type DomainDecision =
  | { outcome: "trusted" }
  | { outcome: "review" }
  | { outcome: "refused"; reason: "personal" | "disposable" | "override" };

const TRUSTED_DOMAINS = ["nhs.net", "nhs.uk", "gov.uk"];

/**
 * Personal webmail used in the UK that `email-providers` does not name, so would otherwise go to staff
 * review. Subdomains count too: Plusnet and Fastmail give out addresses such as name@user.plus.com.
 */
const MORE_PERSONAL = [
  "gmx.co.uk",
  "fastmail.com",
  "outlook.co.uk",
  "plus.com",
  // Tuta (formerly Tutanota) and its other domains.
  "tuta.com",
  "tuta.io",
  "tutamail.com",
  "tutanota.com",
  "tutanota.de",
  "keemail.me",
];

// Loaded at run time rather than bundled: the lists are large JSON files (about 130,000 domains).
const require = createRequire(import.meta.url);
let lists: { personal: Set<string>; morePersonal: Set<string>; disposable: Set<string>; disposableWildcard: Set<string> } | undefined;
function domainLists() {
  lists ??= {
    personal: new Set(require("email-providers/all.json") as string[]),
    morePersonal: new Set(MORE_PERSONAL),
    disposable: new Set(require("disposable-email-domains") as string[]),
    // Providers that hand out any subdomain (e.g. anything.33mail.com).
    disposableWildcard: new Set(require("disposable-email-domains/wildcard.json") as string[]),
  };
  return lists;
}

export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).trim().toLowerCase();
}

/** The domain itself, then each parent down to the last two labels: a.b.nhs.uk → a.b.nhs.uk, b.nhs.uk, nhs.uk. */
function domainAndParents(domain: string): string[] {
  const labels = domain.split(".");
  return labels.slice(0, Math.max(1, labels.length - 1)).map((_, index) => labels.slice(index).join("."));
}

function isTrusted(domain: string): boolean {
  return TRUSTED_DOMAINS.some((trusted) => domain === trusted || domain.endsWith(`.${trusted}`));
}

/** Whether a domain is on the lists of personal webmail or disposable (temporary) email services. */
export function listedEmailService(domain: string): "personal" | "disposable" | null {
  const { personal, morePersonal, disposable, disposableWildcard } = domainLists();
  // Disposable first: the webmail list also names some disposable services.
  if (disposable.has(domain) || domainAndParents(domain).some((candidate) => disposableWildcard.has(candidate))) return "disposable";
  return personal.has(domain) || domainAndParents(domain).some((candidate) => morePersonal.has(candidate)) ? "personal" : null;
}

export type DomainRule = Selectable<DomainOverridesTable>;

/** The staff rule that applies to an address: the one for its domain or the nearest parent, if any. */
export async function domainRuleFor(address: string, executor: Kysely<DB> = db()): Promise<DomainRule | undefined> {
  const candidates = domainAndParents(emailDomain(address));
  const overrides = await executor.selectFrom("domain_overrides").selectAll().where("domain", "in", candidates).execute();
  return candidates.map((candidate) => overrides.find((row) => row.domain === candidate)).find((row) => row !== undefined);
}

export async function decideDomain(address: string, executor: Kysely<DB> = db()): Promise<DomainDecision> {
  const domain = emailDomain(address);
  const override = await domainRuleFor(address, executor);
  if (override) return override.policy === "allow" ? { outcome: "trusted" } : { outcome: "refused", reason: "override" };

  // Checked before the lists: the disposable list wrongly includes a few NHS and council domains.
  if (isTrusted(domain)) return { outcome: "trusted" };

  const listed = listedEmailService(domain);
  return listed ? { outcome: "refused", reason: listed } : { outcome: "review" };
}

/**
 * What someone refused reads by the email field: why, and what to do instead. A joiner cannot join with
 * the address; a member cannot move their membership to it.
 */
export function domainRefusalMessage(reason: "personal" | "disposable" | "override", asking: "join" | "change" = "join"): string {
  const address =
    reason === "personal"
      ? "a personal email address"
      : reason === "disposable"
        ? "a temporary or disposable email address"
        : "an email address from this organisation";
  const why = asking === "join" ? `You cannot join with ${address}.` : `You cannot use ${address} for your membership.`;
  return (
    `${why} Use your work email address, so we know you work in or with social prescribing. ` +
    `If you do not have one, ask your PCN or supervisor for an NHSmail account, ` +
    `or email ${config().contactEmail} and we will help.`
  );
}

/**
 * Whether a member may move their membership to a new address. Not if joining with it would be refused,
 * nor if it would wait for staff review: that would skip the check joining from it gets. An address on
 * the domain they already have is the exception, since staff accepted them from that organisation.
 */
export async function decideMove(from: string, to: string, executor: Kysely<DB> = db()): Promise<{ ok: true } | { ok: false; message: string }> {
  const decision = await decideDomain(to, executor);
  if (decision.outcome === "refused") return { ok: false, message: domainRefusalMessage(decision.reason, "change") };
  if (decision.outcome === "review" && emailDomain(to) !== emailDomain(from)) {
    return {
      ok: false,
      message:
        "You cannot move your membership to an address from an organisation we do not know yet: joining with it " +
        "would need our staff to check it first. Use an address ending nhs.net, nhs.uk or gov.uk, or another address " +
        `at your current organisation. Or email ${config().contactEmail} from the new address and we will help you move your membership.`,
    };
  }
  return { ok: true };
}
