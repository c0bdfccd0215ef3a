import type { FastifyInstance } from 'fastify';
import { errorCodes } from 'fastify';

/** Bodies up to this many times the limit are read to the end before the 413 is sent. */
const DRAIN_FACTOR = 32;

/**
 * Answers a declared-too-large body with 413 only after reading it, so the client that is
 * still sending gets the answer instead of a broken pipe; the connection stays usable.
 * Fastify would answer at once and close the socket mid-upload. Bodies far past the limit
 * (more than DRAIN_FACTOR times it) keep that behaviour: reading them would cost too much.
 */
export function answerOversizedBodiesAfterReading(fastify: FastifyInstance, limit: number): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const declared = Number(request.headers['content-length']);
    if (!(declared > limit) || declared > limit * DRAIN_FACTOR) return done();
    const raw = request.raw;
    const finish = () => {
      raw.off('end', finish);
      raw.off('error', finish);
      done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    };
    raw.on('end', finish);
    raw.on('error', finish);
    raw.resume();
  });
}
