import { z } from 'zod';
import { localizedText } from './text';

/** Markdown the author adds to (or, for the accessibility statement, puts in place of) a generated page. */
const markdownText = localizedText.describe('Markdown: one text, or one text per language ({ en: "…", fr: "…" })');
const enabled = z.boolean().default(true);

/**
 * The pages Coursepack generates around the lessons. None of them is a tracked page: they do not
 * count toward pagesViewed, and the bookmark and LMS location never point at them.
 */
export const frameSchema = z
  .object({
    welcome: z
      .object({ enabled, text: markdownText.optional().describe('Shown on the welcome page after the description (a disclaimer, a note)') })
      .strict()
      .optional()
      .describe('The first page: title, description, time, objectives, how to navigate, start or resume'),
    lessonStart: z.object({ enabled }).strict().optional().describe('A card at the top of each lesson: title, time, what it covers'),
    finish: z
      .object({ enabled, text: markdownText.optional().describe('Shown on the finish page after the summary') })
      .strict()
      .optional()
      .describe('After the last page: pages viewed, score, pass or fail, time spent'),
    certificate: z
      .object({ enabled, signature: localizedText.optional().describe('A line under the certificate, e.g. who issues it') })
      .strict()
      .optional()
      .describe('A printable certificate of completion on the finish page'),
    accessibility: z
      .object({
        enabled,
        contact: markdownText.optional().describe('How to report a barrier, e.g. an e-mail address'),
        text: markdownText.optional().describe('Replaces the generated statement'),
      })
      .strict()
      .optional()
      .describe('A generated accessibility statement, linked from every page'),
  })
  .strict();

export type FrameSpec = z.infer<typeof frameSchema>;
