import { z } from 'zod';
import { channelSchema, idSchema } from './primitives';
import { segmentSchema } from './client';

/**
 * The tone of a step, from the courteous heads-up before the due date to the formal notice.
 * Only `formal_notice` may use the words "mise en demeure" (Code civil 1344).
 */
export const toneSchema = z.enum(['courteous', 'friendly', 'firm', 'last_warning', 'formal_notice']);
export type Tone = z.infer<typeof toneSchema>;

export const stepSchema = z.object({
  id: idSchema,
  /** Days from the due date: negative before it (heads-up), positive after. */
  offsetDays: z.number().int().min(-60).max(365),
  channel: channelSchema,
  tone: toneSchema,
  /** Key of the template used for this step (see lib/domain/templates). */
  templateId: idSchema,
});
export type Step = z.infer<typeof stepSchema>;

export const scenarioSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1).max(200),
    /** The segment it is the default for, if any. */
    segment: segmentSchema.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .refine((s) => s.steps.every((step, i) => i === 0 || step.offsetDays > s.steps[i - 1]!.offsetDays), {
    message: 'steps must be in order of their day offsets',
    path: ['steps'],
  })
  .refine((s) => new Set(s.steps.map((step) => step.id)).size === s.steps.length, {
    message: 'two steps share one id',
    path: ['steps'],
  });
export type Scenario = z.infer<typeof scenarioSchema>;
