import { data } from "@remix-run/node";

/**
 * The answer to a Join button: a page that says the webinar is opening, with the meeting link, and
 * a Refresh header that takes the browser there at once. Not a redirect: browsers apply the site's
 * Content-Security-Policy form-action ('self') to where a form's response redirects, so a 303 to
 * Teams or Zoom would be blocked; a Refresh after the page has loaded is not a form submission.
 * The Join forms submit as whole-page forms (reloadDocument) so the browser sees this header.
 */
export function openMeeting(storedUrl: string, setCookie: string | null) {
  // A header carries no character above U+00FF, and links saved before the form normalised them may
  // hold "ł" or "…": the href is the same link with those percent-encoded (and the host in punycode).
  const meetingUrl = new URL(storedUrl).href;
  const headers = new Headers({ Refresh: `0; url=${meetingUrl}`, "Cache-Control": "no-store" });
  if (setCookie) headers.append("Set-Cookie", setCookie);
  return data({ joined: { meetingUrl } }, { headers });
}

/** The route `headers` export for pages with a Join button: passes the join's headers to the document. */
export function joinHeaders({ actionHeaders, loaderHeaders }: { actionHeaders: Headers; loaderHeaders: Headers }): Headers {
  const headers = new Headers(loaderHeaders);
  for (const name of ["Refresh", "Set-Cookie", "Cache-Control"]) {
    const value = actionHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
}
