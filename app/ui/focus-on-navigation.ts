import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * After moving to another page in the browser (no full load), puts keyboard and screen reader focus at the
 * start of the main content, as the skip link does: otherwise it stays on the link that was used, say in the
 * footer, and the next Tab carries on from there. A page that focused something itself (the error summary)
 * keeps it.
 */
export function useFocusMainOnNavigation(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById("maincontent");
    if (!main || main.contains(document.activeElement)) return;
    main.setAttribute("tabindex", "-1");
    main.classList.add("nhsuk-skip-link-focused-element");
    main.focus({ preventScroll: true });
    main.addEventListener(
      "blur",
      () => {
        main.removeAttribute("tabindex");
        main.classList.remove("nhsuk-skip-link-focused-element");
      },
      { once: true },
    );
  }, [pathname]);
}
