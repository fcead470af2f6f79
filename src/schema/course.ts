import { z } from 'zod';
import { frameSchema } from './frame';
import { languageTag, localizedText } from './text';

export const targetIds = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'] as const;
export type TargetId = (typeof targetIds)[number];
/** The facilitated workshop kit: built only when asked for with --target, never by default. */
export const kitTargetIds = ['slides', 'guide', 'handouts'] as const;
export type KitTargetId = (typeof kitTargetIds)[number];
export const buildTargetIds = [...targetIds, ...kitTargetIds] as const;
export type BuildTargetId = (typeof buildTargetIds)[number];

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#005a9c"');

export const courseSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and "-", starting with a letter or digit')
      .describe('Stable course id; tracking ids and package names derive from it'),
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'a version such as 1.0.0').default('1.0.0'),
    languages: z.array(languageTag).min(1).describe('Course languages; the first is the source language'),
    title: localizedText,
    description: localizedText.optional(),
    organization: localizedText.optional(),
    lessons: z.array(z.string().regex(/^[a-z0-9][a-z0-9-_]*$/, 'a lesson file name without extension')).min(1)
      .describe('Lesson order: names of files in lessons/ (without .<lang>.md)'),
    completion: z
      .object({
        pagesViewed: z.number().min(0).max(100).default(100).describe('Percent of pages the learner must open'),
        quizPassed: z.boolean().default(true).describe('When the course has a quiz, the learner must pass it'),
      })
      .strict()
      .default({ pagesViewed: 100, quizPassed: true }),
    masteryScore: z.number().min(0).max(100).optional().describe('Pass mark in percent (required with a quiz)'),
    targets: z.array(z.enum(targetIds)).min(1).default([...targetIds]),
    xapi: z.object({ activityId: z.url().describe('IRI of the course activity') }).strict().optional(),
    theme: z
      .object({
        primaryColor: hexColour.optional(),
        logo: z.string().optional().describe('Relative path of a logo image'),
        logoAlt: localizedText.optional(),
        fontStack: z.string().regex(/^[\w\s,"'-]+$/, 'font names separated by commas').optional(),
        fontFile: z
          .string()
          .regex(/^[\w./-]+\.(woff2|woff|ttf|otf)$/i, 'a .woff2, .woff, .ttf or .otf file; letters, digits, "_", "-", "." and "/" in its path')
          .optional()
          .describe('A font file in the course folder, used before fontStack'),
        coverImage: z.string().optional().describe('Relative path of a decorative cover image for the welcome page'),
        colorScheme: z.enum(['auto', 'light']).default('auto').describe('auto follows the device (dark when it asks); light never turns dark'),
      })
      .strict()
      .optional(),
    frame: frameSchema.optional().describe('The generated welcome, lesson start, finish, certificate and accessibility pages'),
  })
  .strict();

export type CourseSpec = z.infer<typeof courseSchema>;
