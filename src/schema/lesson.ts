import { z } from 'zod';
import { trackingId } from './text';

export const lessonKinds = ['lesson', 'quiz', 'survey'] as const;
export type LessonKind = (typeof lessonKinds)[number];

/** A learning objective: what the learner can do after the lesson. Questions name it by id. */
export const objectiveSchema = z
  .object({
    id: trackingId.describe('Unique in the course and the same in every language, e.g. "1.2"'),
    text: z.string().min(1).describe('The objective as the learner reads it'),
  })
  .strict();

/** Quiz: the draw takes at least `min` questions from each lesson (or objective), the rest at random. */
export const stratifySchema = z
  .object({
    per: z.enum(['lesson', 'objective']).describe('Group the bank by the lesson of the objectives a question assesses, or by objective'),
    min: z.number().int().positive().default(1).describe('Questions drawn at least from each group'),
  })
  .strict();

/** Front matter at the top of every lesson file. */
export const lessonFrontMatterSchema = z
  .object({
    title: z.string().min(1),
    kind: z.enum(lessonKinds).default('lesson'),
    duration: z.number().positive().optional().describe('Minutes'),
    cover: z.string().optional().describe('Relative path of a decorative cover image for the lesson start card'),
    draw: z.number().int().positive().optional().describe('Quiz: how many bank questions each learner gets'),
    retake: z.boolean().default(false).describe('Quiz: a learner who failed may retake with a new draw'),
    stratify: stratifySchema.optional().describe('Quiz: a draw that covers every lesson or objective'),
    objectives: z.array(objectiveSchema).default([]).describe('Lesson: its learning objectives'),
    handouts: z
      .array(z.object({ title: z.string().min(1), file: z.string().min(1) }).strict())
      .default([]),
  })
  .strict();

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type ObjectiveSpec = z.infer<typeof objectiveSchema>;
export type StratifySpec = z.infer<typeof stratifySchema>;
