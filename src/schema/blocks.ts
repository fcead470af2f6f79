import { z } from 'zod';
import { trackingId } from './text';

/**
 * Attributes of Markdown blocks (`::: name key="value"`). Values are written as text, so flags are
 * the words true/false (a bare `required` means true). One schema per block name: the compiler
 * validates with it and schemas/blocks.schema.json is generated from it.
 */
const flag = z.enum(['true', 'false']).describe('true or false (a bare name means true)');
const label = z.string().min(1);
const none = z.object({}).strict();
const mediaPath = z.string().min(1);
const interactive = z.object({ required: flag.optional().describe('The page counts as done only once this block is done') }).strict();
const callout = z.object({ title: label.optional().describe('Heading shown above the text (defaults to the kind: Note, Tip…)') }).strict();

export const blockAttributeSchemas = {
  note: callout,
  tip: callout,
  warning: callout,
  'key-point': callout,
  quote: z.object({ by: label.optional().describe('Who said it'), source: label.optional().describe('Where: role, publication, year') }).strict(),
  statement: none,
  'two-column': none,
  divider: z.object({ label: label.optional().describe('Text on the line, e.g. "Part 2"') }).strict(),
  button: none,
  accordion: interactive,
  tabs: interactive,
  flashcards: interactive,
  process: interactive,
  timeline: none,
  sorting: z.object({ id: trackingId.describe('Interaction id, as for questions'), required: flag.optional() }).strict(),
  continue: z.object({ label: label.optional().describe('Button text (defaults to "Continue")') }).strict(),
  image: z.object({ credit: label.optional().describe('Who made the image, shown small under the caption: "Photo: UNDP / A. Name"') }).strict(),
  gallery: z.object({ label: label.optional().describe('Name of the carousel for screen readers (defaults to "Gallery")') }).strict(),
  diagram: none,
  video: z
    .object({
      src: mediaPath.describe('The video file (MP4 or WebM), relative to this lesson file; shipped as it is'),
      captions: mediaPath.optional().describe('WebVTT captions in this lesson\'s language; required unless speech="false"'),
      poster: mediaPath.optional().describe('Image shown before the video plays'),
      speech: flag.optional().describe('false for a video with no speech, which then needs no captions'),
      title: label.optional().describe('Shown under the player and names it for screen readers'),
    })
    .strict(),
  audio: z
    .object({
      src: mediaPath.describe('The audio file (MP3, M4A, Ogg, WAV), relative to this lesson file; shipped as it is'),
      title: label.optional().describe('Shown under the player and names it for screen readers'),
    })
    .strict(),
  transcript: z.object({ title: label.optional().describe('Text of the disclosure button (defaults to "Transcript")') }).strict(),
  'labelled-graphic': none,
} satisfies Record<string, z.ZodObject>;

export type BlockName = keyof typeof blockAttributeSchemas;
export const blockNames = Object.keys(blockAttributeSchemas) as BlockName[];

/** For the JSON Schema: one object per block name. */
export const blockAttributesSchema = z.object(blockAttributeSchemas).partial().describe('Attributes of each Markdown block (::: name key="value")');
