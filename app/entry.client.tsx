import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

// Pages work before this runs; it only enhances NHS.UK components (header menu, error summary focus…).
document.body.classList.add("nhsuk-frontend-supported");
void import("nhsuk-frontend").then((nhsuk) => nhsuk.initAll());
