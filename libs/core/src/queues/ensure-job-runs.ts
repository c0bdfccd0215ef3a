import type { Queue } from 'bullmq';

/**
 * Makes sure the job with this fixed id will run (again): retried when it failed,
 * re-added when it completed or is gone, left alone when it is waiting, delayed or
 * active (it will do the work itself). Returns whether it had to act. The job's own
 * claim in PostgreSQL decides who does the work, so several sweepers calling this at
 * once are harmless.
 */
export async function ensureJobRuns(queue: Queue, name: string, data: object, jobId: string): Promise<boolean> {
  const job = await queue.getJob(jobId);
  const state = job ? await job.getState() : 'missing';
  if (state === 'failed') {
    await job!.retry('failed');
    return true;
  }
  if (state === 'completed' || state === 'missing' || state === 'unknown') {
    if (job) await job.remove();
    await queue.add(name, data, { jobId });
    return true;
  }
  return false;
}
