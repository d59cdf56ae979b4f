import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshUser, startFixture, type Fixture } from './support/fixture';
import { call } from './support/http';
import { enrollUser } from './support/totp';

let f: Fixture;
let enrolledId: string;
beforeAll(async () => {
  f = await startFixture();
  enrolledId = (await enrollUser(f.a, freshUser())).userId;
});
afterAll(() => f?.close());

const ROUTES: [string, string][] = [
  ['PUT', '/v1/users/{u}'],
  ['GET', '/v1/users/{u}'],
  ['DELETE', '/v1/users/{u}'],
  ['POST', '/v1/users/{u}/totp'],
  ['POST', '/v1/users/{u}/totp/confirm'],
  ['POST', '/v1/users/{u}/verify'],
  ['POST', '/v1/users/{u}/backup-codes'],
  ['DELETE', '/v1/users/{u}/mfa'],
  ['GET', '/v1/admin/users'],
  ['GET', '/v1/admin/audit'],
  ['POST', '/v1/admin/clients/{c}/users/{u}/reset-mfa'],
  ['POST', '/v1/admin/clients/{c}/users/{u}/unlock'],
  ['GET', '/v1/admin/clients/{c}/policy'],
  ['PUT', '/v1/admin/clients/{c}/policy'],
];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '',
    '000000',
    '123456',
    'AAAA-BBBB-CCCC-DDDD',
    '%',
    '%E0%A4%A',
    '..',
    '\u0000',
    'x'.repeat(5000),
    '🙂'.repeat(100),
  ),
);
const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
);
const body = fc.oneof(
  fc.record(
    { code: value, enrollmentId: value, displayName: value, email: value },
    { requiredKeys: [] },
  ),
  fc.record(
    { mode: value, window: value, maxFailures: value, backupCodeCount: value },
    { requiredKeys: [] },
  ),
  fc.dictionary(text, value, { maxKeys: 5 }),
  fc.jsonValue(),
);
const raw = fc.oneof(
  body.map((b) => JSON.stringify(b) ?? 'null'),
  fc.constantFrom(
    '{',
    '{"code":',
    '[1,2',
    'nul',
    '{"__proto__":{"a":1}}',
    '{"constructor":{"prototype":{}}}',
    '\u0000{}',
  ),
  text,
);

describe('fuzz: every route', () => {
  it('never answers 5xx and always answers problem+json or JSON', async () => {
    const keys = [f.clientA.key, f.adminKey.key, undefined, 'tsk_garbage'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.oneof(text, fc.constant(enrolledId)),
        fc.oneof(text, fc.constant(f.clientA.id)),
        raw,
        fc.constantFrom(...keys),
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          undefined,
        ),
        fc.oneof(
          fc.constant(''),
          // Up to ~45 KiB of URL: past 16 KiB the server answers 431 HEADERS_TOO_LARGE.
          text.map(
            (q) =>
              `?qr=${encodeURIComponent(q)}&cursor=${encodeURIComponent(q)}&limit=${encodeURIComponent(q)}`,
          ),
        ),
        async ([method, template], user, clientId, payload, key, type, query) => {
          const path =
            template
              .replace('{u}', encodeURIComponent(user))
              .replace('{c}', encodeURIComponent(clientId)) + query;
          // Malformed URLs and bodies may make the server close the connection (as it should);
          // a pooled socket reused in that instant would fail in the client, not the server.
          const res = await call(f.server.url, method, path, {
            fresh: true,
            key,
            ...(method === 'GET' ? {} : { raw: payload }),
            headers: type ? { 'content-type': type } : {},
          });
          expect(res.status, `${method} ${path} -> ${res.text}`).toBeLessThan(500);
          expect(res.status).toBeGreaterThanOrEqual(200);
          if (res.status >= 400) {
            expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(res.body.code).toMatch(/^[A-Z_]+$/);
          }
        },
      ),
      { numRuns: 1000 },
    );
    expect((await f.anon.get('/v1/health')).status).toBe(200);
    expect(f.server.child.exitCode).toBeNull();
  });
});
