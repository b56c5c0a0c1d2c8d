// Holds every API response a test receives to docs/openapi.yaml: the operation is found by
// method and path template, the status must be one the document declares for it, and the
// body must match the declared schema. A response the document does not describe fails.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OPENAPI_PATH, validateSchema } from '../../server/openapi-validate.js';

interface ResponseSpec {
  $ref?: string;
  content?: { 'application/json'?: { schema?: { $ref?: string } } };
}
interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Record<string, ResponseSpec>;
}

const document = parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, ResponseSpec> }>>;
  components: { responses: Record<string, ResponseSpec> };
};

const operations: Operation[] = Object.entries(document.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, op]) => ({
    method: method.toUpperCase(),
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    responses: op.responses,
  })),
);

const lastSegment = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

function findOperation(method: string, path: string): Operation | undefined {
  return operations.find((o) => o.method === method && o.pattern.test(path));
}

/** The schema name the document declares for this response, or null for a body-less one. */
function declaredSchema(operation: Operation, status: number): string | null {
  let response = operation.responses[String(status)];
  if (!response) throw new Error(`openapi.yaml declares no ${status} for ${operation.method} ${operation.template}`);
  if (response.$ref) response = document.components.responses[lastSegment(response.$ref)]!;
  const ref = response.content?.['application/json']?.schema?.$ref;
  return ref ? lastSegment(ref) : null;
}

/**
 * Throws with every schema error when the response breaks the contract. A path the document
 * does not describe (no such route, 405) must still answer with an Error body.
 */
export function checkContract(method: string, path: string, status: number, body: unknown): void {
  const operation = findOperation(method, path);
  // Any operation may fail with 500 internal (an Error body), as the document's description says.
  const schema = operation && status < 500 ? declaredSchema(operation, status) : 'Error';
  if (!operation && status < 400) throw new Error(`${method} ${path} → ${status}: openapi.yaml has no such operation`);
  if (schema === null) {
    if (body !== null) throw new Error(`${method} ${path} → ${status} must have no body`);
    return;
  }
  const result = validateSchema(schema, body);
  if (!result.valid) throw new Error(`${method} ${path} → ${status} is not a valid ${schema}:\n${result.errors.join('\n')}`);
}
