/**
 * The value of the request's cookie `name` (the first, if it is sent twice), or null if there is none.
 * Double quotes around a value go, and percent-escapes are decoded; a malformed escape leaves the
 * value as sent rather than failing the request (cookies are whatever a browser, or anyone, sends).
 */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const equals = part.indexOf("=");
    if (equals === -1 || part.slice(0, equals).trim() !== name) continue;
    let value = part.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    return decoded(value);
  }
  return null;
}

function decoded(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
