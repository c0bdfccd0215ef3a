#!/usr/bin/env node
// Prints, as one JSON line, how to run a PostgreSQL or a Redis of one's own, for test
// suites that kill and restart their servers (the fault suite). It prepares what is
// needed (initdb, the postgres system user, redis-server from Debian) but starts nothing:
// the caller spawns the command, so it can kill -9 and restart it at will.
//
//   node scripts/own-services.mjs postgres <dataDir> <port>
//   node scripts/own-services.mjs redis <dir> <port> [redis-server args…]
import { embeddedPostgresCommand, redisServerCommand } from './lib/services.mjs';

const [kind, dir, port, ...extra] = process.argv.slice(2);
if (!['postgres', 'redis'].includes(kind) || !dir || !port) {
  console.error('usage: own-services.mjs postgres|redis <dir> <port> [extra args]');
  process.exit(2);
}
const spec =
  kind === 'postgres'
    ? await embeddedPostgresCommand({ dataDir: dir, port: Number(port) })
    : await redisServerCommand({ port: Number(port), dir, extraArgs: extra });
console.log(`OWN_SERVICE ${JSON.stringify(spec)}`);
