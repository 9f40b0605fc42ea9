/** The input every intake task reads from the state machine: the submission (and a failure). */
import { z } from 'zod';

export const IntakeTaskInput = z.object({
  submissionId: z.string().uuid(),
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});
