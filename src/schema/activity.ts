import { z } from 'zod';
import { trackingId } from './text';

const text = z.string().min(1);
const lines = z.array(text).min(1);

/** How the activity runs in one mode of delivery: what changes from the common steps. */
const variant = z
  .object({
    grouping: text.optional().describe('Replaces the common grouping, e.g. "breakout rooms of 4"'),
    materials: z.array(text).optional().describe('Replaces the common materials'),
    steps: lines.optional().describe('Replaces the common steps'),
    notes: text.optional().describe('What to watch for in this mode'),
  })
  .strict();

/** A ```activity block: a facilitated exercise, ignored by the e-learning targets. */
export const activitySchema = z
  .object({
    id: trackingId.describe('Unique in the course and the same in every language; workshop.yaml places it by this id'),
    title: text,
    purpose: text.describe('Why the group does it, in one or two sentences'),
    objectives: z.array(trackingId).min(1).optional().describe("Ids of the lesson's objectives the activity serves"),
    duration: z.number().int().positive().max(480).describe('Minutes, debrief included'),
    grouping: text.describe('e.g. "groups of 4–5", "pairs", "plenary"'),
    materials: z.array(text).default([]),
    steps: lines,
    debrief: z.array(text).default([]).describe('Questions to ask when the groups report back'),
    variants: z
      .object({ 'in-person': variant.optional(), remote: variant.optional() })
      .strict()
      .default({})
      .describe('What changes in person and remotely (breakout rooms, shared whiteboard, chat)'),
  })
  .strict();

export type ActivitySpec = z.infer<typeof activitySchema>;
export const deliveryModes = ['in-person', 'remote'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];
