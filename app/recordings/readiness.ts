import { captionsCoverVideoShare } from "./coverage";
import { clockTime } from "./durations";

/**
 * What a recording still needs before members may see it. Browser-safe: the staff list and the
 * recording's staff page show the same list that publishing checks.
 *
 * UK public-sector accessibility rules expect captions on pre-recorded video, so an uploaded video
 * needs a captions file that covers it; slides need a short text summary for people who cannot
 * open them.
 */
export interface ReadinessFacts {
  hasWebinar: boolean;
  hasVideoFile: boolean;
  externalUrl: string | null;
  hasCaptions: boolean;
  captionsEndSeconds: number | null;
  durationSeconds: number | null;
  hasSlides: boolean;
  slidesSummary: string | null;
}

export function missingForPublishing(facts: ReadinessFacts): string[] {
  const missing: string[] = [];
  if (!facts.hasWebinar) missing.push("the webinar it was recorded at");
  if (!facts.hasVideoFile && !facts.externalUrl) missing.push("a video: upload a file or give its address on an allowed video host");
  if (facts.hasVideoFile) {
    if (!facts.hasCaptions) missing.push("a captions file (WebVTT) for the video");
    else if (facts.durationSeconds === null) missing.push("the length of the video, to check the captions cover it");
    else if (facts.captionsEndSeconds !== null && !captionsCoverVideoShare(facts.captionsEndSeconds, facts.durationSeconds)) {
      missing.push(
        `captions for the whole video: they end at ${clockTime(facts.captionsEndSeconds)} and the video is ${clockTime(facts.durationSeconds)} long`,
      );
    }
  }
  if (facts.hasSlides && !facts.slidesSummary?.trim()) missing.push("a short text summary of the slides");
  return missing;
}
