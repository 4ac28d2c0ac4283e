import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Ceiling" }];

/** A loader, so the ceiling pays for loader data the way every portal data page does. */
export function loader() {
  return { message: "Hello from the trivial route" };
}

export default function Index() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Ceiling</h1>
      <p>{message}</p>
    </main>
  );
}
