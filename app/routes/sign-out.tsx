import { redirect } from "@remix-run/node";
import type { ActionFunctionArgs } from "@remix-run/node";
import { clearedSessionCookie } from "~/membership/sessions.server";
import { signOut } from "~/membership/sign-in.server";

/** Signing out changes state, so it is a POST (the header's button); a GET does nothing. */
export async function loader() {
  throw new Response("Use the Sign out button", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  await signOut(request);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
