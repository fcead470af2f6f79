import { WebVTTParser } from 'webvtt-parser';

/** A mistake in a caption file, where the WebVTT parser found it. */
export interface CaptionProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * Reads a WebVTT file as a browser would and returns every problem the spec's parser reports, or
 * the one problem of a file with no cue at all (the player would show nothing). Cues are checked
 * too: a time that goes backwards or an unclosed tag is an error, not a silent gap in the captions.
 */
export function checkCaptions(text: string): CaptionProblem[] {
  const { cues, errors } = new WebVTTParser().parse(text);
  const problems = errors.map((e) => ({ line: e.line, column: (e.col ?? 0) + 1, message: e.message }));
  if (!problems.length && cues.length === 0) problems.push({ line: 1, column: 1, message: 'the file has no caption cue' });
  return problems;
}
