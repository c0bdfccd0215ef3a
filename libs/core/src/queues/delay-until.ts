import { DelayedError, Job } from 'bullmq';

/**
 * Puts a job back until a moment has passed — another run holds its claim until then —
 * without using up an attempt: BullMQ's `moveToDelayed`, then the `DelayedError` that
 * tells the worker the job was moved, not failed. A quarter of a second is added so the
 * claim has expired when the job looks again.
 */
export async function delayUntil(job: Job, until: Date, token?: string): Promise<never> {
  await job.moveToDelayed(until.getTime() + 250, token);
  throw new DelayedError();
}
