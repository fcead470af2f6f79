import { z } from 'zod';

/** BCP 47 primary language tags the interface is translated into, plus any other 2–3 letter tag. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en", "fr" or "ar"')
  .describe('Language tag (BCP 47), e.g. en, fr, ar, zh, ru, es');

/** Any text a learner reads: one string for every language, or one string per language. */
export const localizedText = z
  .union([z.string().min(1), z.record(languageTag, z.string().min(1))])
  .describe('Text: one string, or one string per language ({ en: "…", fr: "…" })');

export type LocalizedText = z.infer<typeof localizedText>;

/** Ids that every LMS accepts inside interaction ids and locations (runtime-requirements item 19). */
export const trackingId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - only, at most 64 characters');
