#!/usr/bin/env node
// Saves the running api's OpenAPI document as apps/web/openapi.json, the input of
// `npm run web:api-types`. Usage: node apps/web/tools/save-openapi.mjs [baseUrl] [--check]
// With --check it writes nothing and exits 1 when the saved document differs from the api's
// (test/web-api-types.spec.ts runs it so).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeDocument, documentText } from './openapi-document.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const base = args.find((a) => !a.startsWith('--')) || process.env.RT_URL || 'http://localhost:3000';
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'openapi.json');
const res = await fetch(`${base}/api/docs-json`);
if (!res.ok) throw new Error(`GET ${base}/api/docs-json → ${res.status}`);
const doc = await res.json();
for (const name of completeDocument(doc))
  console.warn(`openapi: ${name} is referenced but not defined; added as an open object`);
const text = documentText(doc);
const where = path.relative(process.cwd(), out);
if (check) {
  const saved = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (saved !== text) {
    const paths = (t) => new Set(Object.keys(JSON.parse(t || '{"paths":{}}').paths));
    const [now, before] = [paths(text), paths(saved)];
    const added = [...now].filter((p) => !before.has(p));
    const gone = [...before].filter((p) => !now.has(p));
    console.error(
      `${where} is stale${added.length ? `; new paths: ${added.join(', ')}` : ''}${gone.length ? `; paths gone: ${gone.join(', ')}` : ''}` +
        `\nrun: node apps/web/tools/save-openapi.mjs <api url> && npm run web:api-types`,
    );
    process.exit(1);
  }
  console.log(`${where} matches the api (${Object.keys(doc.paths).length} paths)`);
} else {
  fs.writeFileSync(out, text);
  console.log(`saved ${Object.keys(doc.paths).length} paths to ${where}`);
}
