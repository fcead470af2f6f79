// The parts of webvtt-parser (the W3C WebVTT validator's parser) that the caption check uses.
declare module 'webvtt-parser' {
  export interface WebVTTError {
    message: string;
    line: number;
    col?: number;
  }
  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
  }
  export class WebVTTParser {
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: WebVTTCue[]; errors: WebVTTError[] };
  }
}
