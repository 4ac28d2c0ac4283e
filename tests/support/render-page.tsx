import type { ActionFunction, LoaderFunction } from "@remix-run/node";
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { testContext } from "./fixtures";

/**
 * Renders one route's page as the server would (loader, and action for a POST), to HTML, so integration tests
 * can check what a page says without a browser. The root's data is the real shape (see app/root.tsx).
 */
export interface RouteModule {
  loader?: LoaderFunction;
  action?: ActionFunction;
  default: ComponentType;
}

export async function renderPage(
  module: RouteModule,
  request: Request,
  options: { path?: string; user?: { fullName: string; isAdmin: boolean } | null } = {},
): Promise<{ status: number; html: string; text: string }> {
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ user: options.user ?? null, mailCapture: false, contactEmail: "network@spn.example.org" }),
      children: [
        {
          id: "page",
          path: options.path ?? new URL(request.url).pathname,
          loader: module.loader ? (args: { request: Request; params: Record<string, string | undefined> }) => module.loader!({ ...args, context: testContext }) : undefined,
          action: module.action ? (args: { request: Request; params: Record<string, string | undefined> }) => module.action!({ ...args, context: testContext }) : undefined,
          Component: module.default,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes as never);
  const context = await handler.query(request);
  if (context instanceof Response) return { status: context.status, html: "", text: "" };
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
  return { status: context.statusCode, html, text: plainText(html) };
}

/** The page's words, with tags removed and spaces collapsed, for `toContain` checks. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}
