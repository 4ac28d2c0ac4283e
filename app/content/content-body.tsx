import { useEffect, useRef } from "react";

const COPIED_FOR_MS = 5_000;

/**
 * Content HTML rendered on the server from our own MDX (trusted, never user input). With JavaScript,
 * the "Copy code" buttons appear and copy their code; without it the code is plain selectable text.
 */
export function ContentBody({ html }: { html: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = ref.current;
    if (!root || !navigator.clipboard) return;
    const buttons = root.querySelectorAll<HTMLButtonElement>("button[data-copy-code]");
    for (const button of buttons) button.hidden = false;
    const timers = new Set<number>();

    function onClick(event: MouseEvent) {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-copy-code]");
      if (!button || !root?.contains(button)) return;
      const code = button.dataset.copyCode ?? "";
      const label = button.querySelector("[data-copy-label]");
      const status = button.parentElement?.querySelector("[data-copy-status]");
      navigator.clipboard.writeText(code).then(
        () => {
          if (label) label.textContent = "Copied";
          if (status) status.textContent = `Code ${code} copied`;
          const timer = window.setTimeout(() => {
            if (label) label.textContent = "Copy code";
            if (status) status.textContent = "";
            timers.delete(timer);
          }, COPIED_FOR_MS);
          timers.add(timer);
        },
        () => {
          if (status) status.textContent = "Could not copy the code. Select it and copy it instead.";
        },
      );
    }

    root.addEventListener("click", onClick);
    return () => {
      root.removeEventListener("click", onClick);
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, [html]);

  return <div ref={ref} dangerouslySetInnerHTML={{ __html: html }} />;
}
