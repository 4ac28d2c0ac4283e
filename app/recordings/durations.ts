/** Video lengths as people read and type them. Browser-safe. */

/** "1:02:05" or "58:30" → seconds; undefined when it is not a length. A bare number is minutes. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (/^\d{1,3}$/.test(value)) return Number(value) * 60;
  const match = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, hours, minutes, seconds] = match;
  if (Number(seconds) > 59 || (hours !== undefined && Number(minutes) > 59)) return undefined;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** Seconds as a clock: "1:02:05", "58:30", "0:07". */
export function clockTime(totalSeconds: number): string {
  const whole = Math.floor(totalSeconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** Seconds in words for lists: "1 hour 2 minutes", "58 minutes", "under a minute". */
export function durationInWords(totalSeconds: number): string {
  const minutesTotal = Math.round(totalSeconds / 60);
  if (minutesTotal < 1) return "under a minute";
  const hours = Math.floor(minutesTotal / 60);
  const minutes = minutesTotal % 60;
  const parts = [];
  if (hours) parts.push(hours === 1 ? "1 hour" : `${hours} hours`);
  if (minutes) parts.push(minutes === 1 ? "1 minute" : `${minutes} minutes`);
  return parts.join(" ");
}
