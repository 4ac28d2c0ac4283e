/** At least this share of a video must be captioned: the last cue ends at or after it. Browser-safe. */
export const CAPTION_COVERAGE = 0.9;

export function captionsCoverVideoShare(captionsEnd: number, videoSeconds: number): boolean {
  return captionsEnd >= CAPTION_COVERAGE * videoSeconds;
}
