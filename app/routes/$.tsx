import type { MetaFunction } from "@remix-run/node";
import { RouteErrorBoundary } from "~/ui/route-error";

export const meta: MetaFunction = () => [{ title: "Page not found – Social Prescribing Network" }];

/** Every unknown address: a real 404 status with the NHS-style page. */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
