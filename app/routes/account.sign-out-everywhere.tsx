import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOutEverywhere } from "~/membership/account.server";
import { requireUser } from "~/auth/access.server";
import { clearedSessionCookie } from "~/auth/sessions.server";

/** POST only (the button on /account): ends every session of the member, this one included. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  await signOutEverywhere(user.id);
  throw redirect("/account/signed-out", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export async function loader() {
  throw redirect("/account");
}
