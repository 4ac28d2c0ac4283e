/**
 * The one place the server reads the time, so tests can move it.
 * Everything is stored in UTC; pages show Europe/London (see ~/ui/dates).
 */
let offsetMs = 0;
let frozenAt: number | undefined;

export function now(): Date {
  return new Date(frozenAt ?? Date.now() + offsetMs);
}

export function nowIso(): string {
  return now().toISOString();
}

/** Test helpers: freeze the clock at an instant, or shift it. */
export const testClock = {
  freeze(at: Date | string) {
    frozenAt = new Date(at).getTime();
  },
  advance(ms: number) {
    if (frozenAt !== undefined) frozenAt += ms;
    else offsetMs += ms;
  },
  reset() {
    offsetMs = 0;
    frozenAt = undefined;
  },
};
