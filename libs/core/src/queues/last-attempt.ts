import type { Job } from 'bullmq';

/** Whether a failure of this run of the job is final: no retry follows (its attempts are used up). */
export function isLastAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
