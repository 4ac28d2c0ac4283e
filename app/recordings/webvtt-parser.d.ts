/** Types for the parts of webvtt-parser 2.2 (the W3C's WebVTT validator) that the portal uses. */
declare module "webvtt-parser" {
  export interface WebVTTNode {
    type: "object" | "text" | "timestamp";
    name?: string;
    /** Text of a text node; the annotation (speaker) of a <v> node. */
    value?: string;
    children?: WebVTTNode[];
  }
  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: WebVTTNode[] };
  }
  export interface WebVTTError {
    message: string;
    /** 1-based line of the file. */
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: "metadata" | "chapters"): { cues: WebVTTCue[]; errors: WebVTTError[]; styles: string[] };
  }
}
