import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { Meta, UNSAFE_RemixContext } from "@remix-run/react";
import { useContext, useEffect, type ContextType } from "react";
// Remix v2 is built on React Router 6; its router state is the only place the root can read every route's action data.
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { SERVICE_NAME } from "~/ui/layout";
import { errorPageHeading, errorStatus } from "~/ui/route-error";

/** NHS.UK convention: while a page shows form errors its title starts with this. */
export const ERROR_TITLE_PREFIX = "Error: ";

type RouteMeta = (args: MetaArgs) => MetaDescriptor[] | undefined;
type RemixContext = NonNullable<ContextType<typeof UNSAFE_RemixContext>>;

/**
 * Remix's <Meta /> with two NHS.UK title rules that routes' meta functions cannot apply themselves
 * (they never see action data): "Error: " first while a form's errors from the server show, and the
 * error page's heading when a route has thrown (a 404 is "Page not found", not the page that was asked for).
 * Both are worked out from the router state, so the server's HTML and the browser's hydration agree.
 */
export function DocumentMeta() {
  const remix = useContext(UNSAFE_RemixContext);
  const router = useContext(UNSAFE_DataRouterStateContext);
  if (!remix) return <Meta />;
  const formErrors = Object.values(router?.actionData ?? {}).some(showsFormErrors);
  // <Meta /> reads only the matched routes' modules: wrap those, and inherit the rest unchanged rather than
  // copying every route module of the app on every page.
  const routeModules: typeof remix.routeModules = Object.create(remix.routeModules);
  for (const { route } of router?.matches ?? []) {
    const module = remix.routeModules[route.id];
    if (typeof module?.meta === "function") routeModules[route.id] = withNhsTitles(module, formErrors);
  }
  return (
    <UNSAFE_RemixContext.Provider value={{ ...remix, routeModules }}>
      <Meta />
    </UNSAFE_RemixContext.Provider>
  );
}

type RouteModule = NonNullable<RemixContext["routeModules"][string]>;

/** A route module with the NHS title rules on its meta; made once per module and page kind, not per page. */
const wrappedModules = new WeakMap<RouteModule, { plain?: RouteModule; formErrors?: RouteModule }>();

function withNhsTitles(module: RouteModule, formErrors: boolean): RouteModule {
  const kind = formErrors ? "formErrors" : "plain";
  const wrapped = wrappedModules.get(module) ?? {};
  wrapped[kind] ??= { ...module, meta: nhsTitles(module.meta as RouteMeta, formErrors) };
  wrappedModules.set(module, wrapped);
  return wrapped[kind];
}

function nhsTitles(meta: RouteMeta, formErrors: boolean): RouteMeta {
  return (args) => {
    if (args.error) return [{ title: `${errorPageHeading(errorStatus(args.error))} – ${SERVICE_NAME}` }];
    const descriptors = meta(args) ?? [];
    return formErrors ? descriptors.map((descriptor) => ("title" in descriptor ? { ...descriptor, title: withErrorPrefix(String(descriptor.title)) } : descriptor)) : descriptors;
  };
}

/** An action's answer that puts errors on the page: conform's reply, the verify page's {form, result}, or {error}. */
function showsFormErrors(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const reply = value as { status?: unknown; error?: unknown; result?: unknown };
  return reply.status === "error" || typeof reply.error === "string" || showsFormErrors(reply.result);
}

function withErrorPrefix(title: string): string {
  return title.startsWith(ERROR_TITLE_PREFIX) ? title : `${ERROR_TITLE_PREFIX}${title}`;
}

/**
 * Keeps "Error: " on the title while `shown` (the error summary is on the page), including errors found in the
 * browser before anything is sent, and takes it off when they are corrected.
 */
export function useErrorTitle(shown: boolean): void {
  useEffect(() => {
    if (!shown) return;
    document.title = withErrorPrefix(document.title);
    return () => {
      if (document.title.startsWith(ERROR_TITLE_PREFIX)) document.title = document.title.slice(ERROR_TITLE_PREFIX.length);
    };
  }, [shown]);
}
