import { redirect } from "@remix-run/node";

/**
 * The staff tools start at the member list. No access check here: this route has no page, so a refusal
 * thrown from it would reach the browser as bare text; the member list makes the check and answers
 * anyone who is not staff with the portal's own 403 page (and a visitor with sign-in).
 */
export function loader() {
  throw redirect("/admin/members");
}
