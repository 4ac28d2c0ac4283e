import type { RequestHandler, Response } from "express";
import { sendPlainPage } from "./plain-page";
import { UPLOAD_KINDS } from "../app/recordings/file-types.server";
import { RESOURCE_FILES } from "../app/workspaces/resource-files";
import { sizeInWords } from "../app/files/sizes";

/**
 * What the portal accepts as a request body, checked before the app runs so that nothing large or
 * unexpected is read into memory or reaches an action.
 */

/** An ordinary form is a few KB; this leaves room for long free-text answers. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

export interface BodyLimit {
  /** Matched against the route path: without a single-fetch `.data` suffix, `/` for `/_root.data`. */
  path: RegExp;
  bytes: number;
  /** What the refusal page says when a body is over it (a file upload names the file's own limit). */
  refusal?: string;
}

/**
 * Routes that take more than an ordinary form, each with its own ceiling; the first match wins.
 * Such routes stream an uploaded file rather than reading it whole. Each ceiling is a little over its
 * upload rule's own limit, so the page, which refuses a file over that limit with a message by the
 * field, usually answers first.
 */
export const BODY_LIMITS: readonly BodyLimit[] = [
  // Recordings' uploads.
  ...Object.entries(UPLOAD_KINDS).map(([kind, { maxBytes }]) => ({
    path: new RegExp(`^/admin/recordings/\\d+/upload/${kind}$`),
    bytes: maxBytes + 1024 ** 2,
    refusal: fileTooLarge(maxBytes),
  })),
  // A workspace's resources page, where leads add files.
  { path: /^\/workspaces\/[^/]+\/resources$/, bytes: RESOURCE_FILES.maxBytes + 1024 ** 2, refusal: fileTooLarge(RESOURCE_FILES.maxBytes) },
];

/** Without JavaScript the browser sends a file over the limit whole; this is the page it gets back. */
function fileTooLarge(maxBytes: number): string {
  return `The file you chose is larger than ${sizeInWords(maxBytes)}, the most this page takes, so nothing was saved. Go back and choose a smaller file.`;
}

const ORDINARY_REFUSAL = "What you sent is larger than this page accepts. Go back and send less.";

/** The path a route sees: Remix single-fetch submits `/x` to `/x.data` and the index route to `/_root.data`. */
function routePath(path: string): string {
  if (path === "/_root.data") return "/";
  return path.endsWith(".data") ? path.slice(0, -".data".length) : path;
}

export function bodyLimitFor(path: string, limits: readonly BodyLimit[] = BODY_LIMITS): number {
  return routeLimit(path, limits)?.bytes ?? DEFAULT_BODY_LIMIT;
}

function routeLimit(path: string, limits: readonly BodyLimit[] = BODY_LIMITS): BodyLimit | undefined {
  const route = routePath(path);
  return limits.find((limit) => limit.path.test(route));
}

const isMultipart = (contentType: string | undefined) => /^multipart\/form-data\s*;/i.test(contentType ?? "");

/**
 * The limit for one request: an upload route's larger one only when the body is multipart (it carries a
 * file, which the route streams); any other body there is an ordinary form, read whole, so it gets the default.
 */
export function requestBodyLimit(path: string, contentType: string | undefined): number {
  return isMultipart(contentType) ? bodyLimitFor(path) : DEFAULT_BODY_LIMIT;
}

/** The 413 page for a request over its limit, saying which file limit was passed on an upload route. */
export function sendBodyTooLarge(res: Response, path: string, contentType: string | undefined): void {
  const refusal = (isMultipart(contentType) && routeLimit(path)?.refusal) || ORDINARY_REFUSAL;
  sendPlainPage(res, 413, "Too much information sent", refusal);
}

/**
 * Refuses a body whose declared length is over its route's limit at once, without reading it. A chunked
 * body has no declared length: the app's handler counts it with `limitBody` as it streams.
 */
export const limitDeclaredBodies: RequestHandler = (req, res, next) => {
  const contentType = req.get("content-type");
  if (Number(req.get("content-length") ?? 0) > requestBodyLimit(req.path, contentType)) return sendBodyTooLarge(res, req.path, contentType);
  next();
};

/**
 * Passes a body through until it exceeds `limit` bytes, then calls `onExceeded` and fails the stream.
 * The source is left uncancelled: cancelling it would destroy the socket before the refusal is sent.
 */
export function limitBody(body: ReadableStream<Uint8Array>, limit: number, onExceeded: () => void): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen <= limit) return controller.enqueue(chunk);
        onExceeded();
        controller.error(new Error(`request body over ${limit} bytes`));
      },
    }),
    { preventCancel: true },
  );
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Every action in the portal takes a form (and so do Remix's single-fetch `.data` submissions from
 * `<Form>`), so any other write is refused here with 415, or 400 without a type, instead of failing
 * inside an action with a 500.
 */
export const formsOnly: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const type = req.get("content-type");
  if (!type) {
    return sendPlainPage(res, 400, "Bad request", "This address accepts forms only, and what was sent did not say what it was.");
  }
  const essence = type.split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(essence)) {
    return sendPlainPage(res, 415, "Unsupported content type", "This address accepts forms only.");
  }
  if (essence === "multipart/form-data" && !/;\s*boundary=/i.test(type)) {
    return sendPlainPage(res, 400, "Bad request", "The form was sent without its boundary, so it cannot be read.");
  }
  next();
};
