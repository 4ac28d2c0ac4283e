import { useEffect } from "react";

let started: Promise<typeof import("nhsuk-frontend")> | undefined;

/**
 * nhsuk-frontend with its scripts (header "More" menu, checkboxes…) started on the page. Start it only
 * once React has hydrated the page: the scripts change the DOM (the header moves menu items that do not
 * fit), and a change made before hydration makes React discard the server's HTML and render the whole
 * page again. The class that switches on the scripted styles comes with them: set earlier, the header
 * hides the items that do not fit before there is a "More" menu to find them in. Components that appear
 * later (an error summary after a submission handled in the browser) start their own script from here.
 */
export function nhsukFrontend(): Promise<typeof import("nhsuk-frontend")> {
  started ??= import("nhsuk-frontend").then((nhsuk) => {
    document.body.classList.add("nhsuk-frontend-supported");
    nhsuk.initAll();
    return nhsuk;
  });
  return started;
}

/** Starts nhsuk-frontend's scripts once the page has hydrated (see nhsukFrontend). */
export function useNhsukFrontend(): void {
  useEffect(() => {
    void nhsukFrontend();
  }, []);
}
