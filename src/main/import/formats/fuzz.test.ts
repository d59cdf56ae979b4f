import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportFormat } from '../import-types';
import { thirdPartyFormats } from './index';
import { FIXTURE_PASSWORD, allFixtures } from './test-support/all-fixtures';
import { asBytes, textOf } from './test-support/run';

/**
 * Whatever the bytes, an importer answers with an ImportError or a result, and quickly: random
 * bytes, random JSON shaped like the formats' own keys, and real fixtures cut short or with bytes
 * flipped, with and without a password.
 */

const HANG_MS = 5_000;
const fixtures = await allFixtures();

async function outcome(format: ImportFormat, bytes: Uint8Array, password?: string): Promise<void> {
  const text = textOf(bytes);
  expect(() => format.detect(bytes, text)).not.toThrow();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), HANG_MS);
  });
  const result = await Promise.race([
    format.parse(bytes, text, { password }).then(
      () => 'ok' as const,
      (e: unknown) => e,
    ),
    hang,
  ]);
  clearTimeout(timer);
  if (result === 'hang') throw new Error(`${format.id} took more than ${HANG_MS} ms`);
  if (result !== 'ok' && !(result instanceof ImportError))
    throw new Error(`${format.id} threw ${String(result)}`);
}

const KEYS = [
  'version',
  'header',
  'slots',
  'params',
  'db',
  'entries',
  'services',
  'servicesEncrypted',
  'schemaVersion',
  'kdfParams',
  'encryptedData',
  'encryptionNonce',
  'salt',
  'content',
  'items',
  'encrypted',
  'login',
  'accounts',
  'deviceSecret',
  'Authenticators',
  'tokens',
  'tokenOrder',
  'shared_secret',
  'otpGenerator',
  'secret',
  'type',
  'label',
  'issuer',
  'digits',
  'period',
  'counter',
  'algorithm',
];
const shapedJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie('object'), { maxLength: 3 }),
    tie('object'),
  ),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
})).object;

describe('every importer on hostile input', () => {
  it.each(thirdPartyFormats.map((f) => [f.id, f] as const))(
    '%s: random bytes and format-shaped JSON',
    async (_id, format) => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 600 }),
          fc.option(fc.constant('pw')),
          (bytes, pw) => outcome(format, bytes, pw ?? undefined),
        ),
        { numRuns: 40 },
      );
      await fc.assert(
        fc.asyncProperty(shapedJson, fc.option(fc.constant('pw')), (value, pw) =>
          outcome(format, asBytes(JSON.stringify(value)), pw ?? undefined),
        ),
        { numRuns: 60 },
      );
    },
  );

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s cut short or with flipped bytes',
    async (_name, fixture) => {
      const format = thirdPartyFormats.find((f) => f.id === fixture.formatId) as ImportFormat;
      const original = asBytes(fixture.input);
      await fc.assert(
        fc.asyncProperty(
          fc.nat(original.length),
          fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 1, max: 255 })), {
            maxLength: 3,
          }),
          async (cut, flips) => {
            const mutated = original.slice(0, Math.max(cut, 1));
            for (const [at, xor] of flips)
              if (at < mutated.length) mutated[at] = (mutated[at] as number) ^ xor;
            await outcome(format, mutated, fixture.slowKdf ? undefined : FIXTURE_PASSWORD);
          },
        ),
        { numRuns: 25 },
      );
    },
  );
});
