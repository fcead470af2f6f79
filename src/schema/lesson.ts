import { z } from 'zod';

export const lessonKinds = ['lesson', 'quiz', 'survey'] as const;
export type LessonKind = (typeof lessonKinds)[number];

/** Front matter at the top of every lesson file. */
export const lessonFrontMatterSchema = z
  .object({
    title: z.string().min(1),
    kind: z.enum(lessonKinds).default('lesson'),
    duration: z.number().positive().optional().describe('Minutes'),
    draw: z.number().int().positive().optional().describe('Quiz: how many bank questions each learner gets'),
    retake: z.boolean().default(false).describe('Quiz: a learner who failed may retake with a new draw'),
    handouts: z
      .array(z.object({ title: z.string().min(1), file: z.string().min(1) }).strict())
      .default([]),
  })
  .strict();

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
