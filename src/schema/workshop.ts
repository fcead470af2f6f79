import { z } from 'zod';
import { deliveryModes } from './activity';
import { localizedText, trackingId } from './text';

const minutes = z.number().int().positive().max(1440);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time such as "09:00"');

/** One line of a session's agenda; exactly one of lesson, activity, break, plenary. */
export const agendaItemSchema = z.union([
  z
    .object({
      lesson: z.string().min(1).describe('A lesson id from course.yaml: its pages are presented'),
      pages: z.array(z.string().min(1)).min(1).optional().describe('Only these page ids of the lesson (default: every page)'),
      duration: minutes.optional().describe("Minutes; default: the lesson's duration, shared out by pages"),
    })
    .strict(),
  z.object({ activity: trackingId.describe('The id of an ```activity block'), duration: minutes.optional().describe("Minutes; default: the activity's duration") }).strict(),
  z.object({ break: minutes.describe('Minutes'), title: localizedText.optional().describe('e.g. "Lunch"') }).strict(),
  z.object({ plenary: localizedText.describe('What the plenary is, e.g. "Welcome and introductions"'), duration: minutes }).strict(),
]);

export const sessionSchema = z
  .object({
    title: localizedText,
    day: z.number().int().positive().default(1).describe('Day of the delivery, from 1'),
    start: clock.describe('Start time, local to the workshop'),
    duration: minutes.describe('Minutes, breaks included'),
    items: z.array(agendaItemSchema).min(1),
  })
  .strict();

export const deliverySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lowercase letters, digits and "-"').describe('Names the deck: <course>-<lang>-slides-<id>.pptx'),
    title: localizedText,
    mode: z.enum(deliveryModes).describe('Chooses each activity\'s variant'),
    sessions: z.array(sessionSchema).min(1),
  })
  .strict();

/** workshop.yaml beside course.yaml: how the course is delivered as a facilitated workshop. */
export const workshopSchema = z
  .object({
    audience: localizedText.optional().describe('Who the workshop is for'),
    preparation: z.array(localizedText).default([]).describe("The facilitator's checklist before the workshop"),
    deliveries: z.array(deliverySchema).min(1),
  })
  .strict();

export type WorkshopSpec = z.infer<typeof workshopSchema>;
export type DeliverySpec = z.infer<typeof deliverySchema>;
export type SessionSpec = z.infer<typeof sessionSchema>;
export type AgendaItemSpec = z.infer<typeof agendaItemSchema>;
