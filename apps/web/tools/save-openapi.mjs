#!/usr/bin/env node
// Saves the running api's OpenAPI document as apps/web/openapi.json, the input of
// `npm run web:api-types`. Usage: node apps/web/tools/save-openapi.mjs [baseUrl]
// A $ref to a schema the document does not define (a DTO nobody registered) would
// stop openapi-typescript; such schemas are added as open objects and named here,
// so the gap is reported rather than hidden.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const base = process.argv[2] || process.env.RT_URL || 'http://localhost:3000';
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'openapi.json');
const res = await fetch(`${base}/api/docs-json`);
if (!res.ok) throw new Error(`GET ${base}/api/docs-json → ${res.status}`);
const doc = await res.json();
const schemas = (doc.components ??= {}).schemas ??= {};
const missing = new Set();
JSON.stringify(doc, (key, value) => {
  if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
    const name = value.slice('#/components/schemas/'.length);
    if (!schemas[name]) missing.add(name);
  }
  return value;
});
for (const name of missing) {
  schemas[name] = { type: 'object', additionalProperties: true, description: 'Referenced but not defined by the api' };
  console.warn(`openapi: ${name} is referenced but not defined; added as an open object`);
}
fs.writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`saved ${Object.keys(doc.paths).length} paths to ${path.relative(process.cwd(), out)}`);
