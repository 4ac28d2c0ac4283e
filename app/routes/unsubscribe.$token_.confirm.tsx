import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { resubscribeWithToken, unsubscribeWithToken } from "~/bulletin/unsubscribe.server";

/**
 * The unsubscribe page's buttons: unsubscribe, or undo it. Same-origin like every other form (only the
 * one-click POST to /unsubscribe/<token> itself is let through from other sites).
 */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/unsubscribe/${encodeURIComponent(params.token ?? "")}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const intent = (await request.formData()).get("intent");
  if (intent !== "unsubscribe" && intent !== "resubscribe") return data({ problem: "Choose a button on the page." }, { status: 400 });
  const result = intent === "unsubscribe" ? await unsubscribeWithToken(token, "page") : await resubscribeWithToken(token);
  const page = `/unsubscribe/${encodeURIComponent(token)}`;
  // An undo this link may no longer make changes nothing: the page then says to sign in instead.
  const done = result.kind === "member" && result.subscribed === (intent === "resubscribe");
  throw redirect(done ? `${page}?done=${intent}d` : page);
}
