import { useEffect } from "react";

let started = false;

/**
 * Starts nhsuk-frontend's scripts (header "More" menu, error summary focus…) once React has hydrated
 * the page. They change the DOM (the header moves menu items that do not fit), and a change made before
 * hydration makes React discard the server's HTML and render the whole page again. The class that switches
 * on the scripted styles comes with them: set earlier, the header hides the items that do not fit before
 * there is a "More" menu to find them in.
 */
export function useNhsukFrontend(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    void import("nhsuk-frontend").then((nhsuk) => {
      document.body.classList.add("nhsuk-frontend-supported");
      nhsuk.initAll();
    });
  }, []);
}
