import { z } from 'zod';
import { trackingId } from './text';

const text = z.string().min(1);
const choice = z.object({ text, correct: z.boolean().default(false), feedback: text.optional() }).strict();
const generalFeedback = z.object({ correct: text.optional(), incorrect: text.optional() }).strict().optional();
const objectives = z.array(trackingId).min(1).optional().describe('Ids of the lesson objectives this question assesses');
const base = { id: trackingId, prompt: text, feedback: generalFeedback, objectives };
const MAX_OPTIONS = 26;

/** Sorting: cards into categories (written as a ::: sorting block, or in YAML). Cards are a–z in tracking. */
const sorting = z
  .object({
    ...base,
    type: z.literal('sorting'),
    required: z.boolean().optional().describe('The page counts as done only once this is answered'),
    categories: z.array(z.object({ name: text, items: z.array(text).min(1) }).strict()).min(2).max(6),
  })
  .strict()
  .refine((q) => q.categories.reduce((n, c) => n + c.items.length, 0) <= MAX_OPTIONS, { message: `at most ${MAX_OPTIONS} cards in all`, path: ['categories'] });

export const questionSchema = z.discriminatedUnion('type', [
  sorting,
  z.object({ ...base, type: z.literal('single-choice'), options: z.array(choice).min(2).max(MAX_OPTIONS) }).strict(),
  z.object({ ...base, type: z.literal('multiple-response'), options: z.array(choice).min(2).max(MAX_OPTIONS) }).strict(),
  z.object({ ...base, type: z.literal('true-false'), answer: z.boolean() }).strict(),
  z.object({
    ...base,
    type: z.literal('fill-in'),
    answers: z.array(z.union([text, z.number()]).transform(String)).min(1),
    caseSensitive: z.boolean().default(false),
    maxLength: z.number().int().min(1).max(250).default(40),
  }).strict(),
  z.object({
    ...base,
    type: z.literal('matching'),
    pairs: z.array(z.object({ source: text, target: text }).strict()).min(2).max(MAX_OPTIONS),
  }).strict(),
  z.object({ ...base, type: z.literal('ordering'), items: z.array(text).min(2).max(MAX_OPTIONS) }).strict(),
  z.object({ ...base, type: z.literal('likert'), scale: z.array(text).min(2).max(11).optional() }).strict(),
  z.object({ ...base, type: z.literal('open'), maxLength: z.number().int().min(1).max(4000).default(500) }).strict(),
  z.object({
    ...base,
    type: z.literal('scenario'),
    situation: text.optional(),
    options: z
      .array(z.object({ text, consequence: text, best: z.boolean().default(false) }).strict())
      .min(2)
      .max(MAX_OPTIONS),
  }).strict(),
]);

export type QuestionSpec = z.infer<typeof questionSchema>;
export type QuestionType = QuestionSpec['type'];
/** Types with no right answer: reported with result "neutral" and never scored. */
export const surveyTypes: readonly QuestionType[] = ['likert', 'open'];
