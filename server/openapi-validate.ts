// Validates values against the component schemas of docs/openapi.yaml, so the reference
// server's contract tests and the widget's msw mocks answer to one description.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { parse } from 'yaml';

export const OPENAPI_PATH = fileURLToPath(new URL('../docs/openapi.yaml', import.meta.url));

export interface SchemaResult {
  valid: boolean;
  /** One line per problem, e.g. `/comments/0/status must be equal to one of the allowed values`. */
  errors: string[];
}

export type SchemaValidator = (name: string, value: unknown) => SchemaResult;

// ajv-formats is CommonJS: under Node's ESM loader the import is module.exports, whose
// `default` is the plugin.
const addFormats = ajvFormats.default;

/** Loads the OpenAPI file once and returns `validateSchema(name, value)`. */
export function loadSchemaValidator(path: string = OPENAPI_PATH): SchemaValidator {
  const document = parse(readFileSync(path, 'utf8')) as { components: { schemas: Record<string, object> } };
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // OpenAPI refs are '#/components/schemas/X'; one root schema keeps them resolvable as written.
  ajv.addVocabulary(['components']);
  ajv.addSchema({ $id: 'openapi', components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  return (name, value) => {
    let validate = compiled.get(name);
    if (!validate) {
      if (!(name in document.components.schemas)) throw new Error(`No schema named ${name} in ${path}`);
      validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
      if (!validate) throw new Error(`Schema ${name} did not compile`);
      compiled.set(name, validate);
    }
    const valid = validate(value);
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    return { valid, errors };
  };
}

let shared: SchemaValidator | undefined;

/** `validateSchema('Comment', value)` against docs/openapi.yaml. */
export function validateSchema(name: string, value: unknown): SchemaResult {
  shared ??= loadSchemaValidator();
  return shared(name, value);
}
