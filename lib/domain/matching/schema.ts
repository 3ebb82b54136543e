import { z } from 'zod';

/**
 * The open thread as the host adapters read it (lib/mail/types.ts `ThreadContext` has this
 * shape). It is the email's content, hence hostile: parse it before use. The bounds are far above
 * what the adapters produce (text is capped at 200,000 characters there).
 */
export const threadContextSchema = z.object({
  threadId: z.string().max(500),
  subject: z.string().max(10_000),
  participants: z
    .array(
      z.object({
        email: z.string().max(500),
        name: z.string().max(1_000),
        role: z.enum(['from', 'to', 'cc']),
      }),
    )
    .max(1_000),
  text: z.string().max(1_000_000),
  attachmentNames: z.array(z.string().max(1_000)).max(1_000),
});
export type ThreadContext = z.infer<typeof threadContextSchema>;
