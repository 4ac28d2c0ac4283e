import type { AuditDetailLine } from "./define";

/** An audit entry's details as a short list, as its feature describes them (see audit.server.ts). */
export function AuditDetails({ lines }: { lines: AuditDetailLine[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {lines.map((line) => (
        <li key={line.label}>
          {line.label}: {line.value}
        </li>
      ))}
    </ul>
  );
}
