// The api's OpenAPI document as the web app's types are generated from it: a $ref to a
// schema the document does not define (a DTO nobody registered) would stop
// openapi-typescript, so such schemas are added as open objects and their names returned,
// so the gap is reported rather than hidden.

/** Completes `doc` in place; returns the names of the schemas it had to add. */
export function completeDocument(doc) {
  const schemas = ((doc.components ??= {}).schemas ??= {});
  const missing = new Set();
  JSON.stringify(doc, (key, value) => {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      const name = value.slice('#/components/schemas/'.length);
      if (!schemas[name]) missing.add(name);
    }
    return value;
  });
  for (const name of missing) {
    schemas[name] = {
      type: 'object',
      additionalProperties: true,
      description: 'Referenced but not defined by the api',
    };
  }
  return [...missing];
}

/** The text apps/web/openapi.json holds. */
export function documentText(doc) {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
