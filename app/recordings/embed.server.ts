import { config } from "~/config.server";

/**
 * Videos kept on an outside host (a video platform the network uses) are embedded only from the hosts
 * listed in RECORDING_EMBED_HOSTS, over https. The recording page allows that one origin in its
 * Content-Security-Policy (frame-src), so no other page can frame anything.
 */
export interface Embed {
  src: string;
  origin: string;
  host: string;
}

export function embedFor(url: string | null, hosts: readonly string[] = config().recordingEmbedHosts): Embed | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password || !hosts.includes(parsed.hostname)) return undefined;
  return { src: parsed.href, origin: parsed.origin, host: parsed.hostname };
}

/** Why staff cannot use this address for a video, or undefined when they can. */
export function externalUrlProblem(url: string, hosts: readonly string[] = config().recordingEmbedHosts): string | undefined {
  if (embedFor(url, hosts)) return undefined;
  if (hosts.length === 0) return "Videos on other sites are not switched on: upload the video file instead";
  return `Enter the address of a video on ${hosts.join(" or ")}, starting with https://`;
}

/** The header a page sets to allow its embedded player; server/security.ts adds it to frame-src. */
export const FRAME_SOURCES_HEADER = "X-Portal-Frame-Sources";
