import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupCodesSchema,
  confirmResultSchema,
  enrollmentSchema,
  healthSchema,
  problemSchema,
  userViewSchema,
  verifyResultSchema,
} from '../../src/shared/api';
import { freshUser, startFixture, type Fixture } from './support/fixture';
import { codeAt, enrollUser } from './support/totp';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f?.close());

const expectProblem = (
  res: { status: number; headers: Record<string, unknown>; body: unknown },
  status: number,
  code: string,
) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(res.body);
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(status);
  expect(problem.detail.length).toBeGreaterThan(10);
  return problem;
};

describe('health and OpenAPI (no key)', () => {
  it('GET /v1/health', async () => {
    const res = await f.anon.get('/v1/health');
    expect(res.status).toBe(200);
    expect(healthSchema.parse(res.body).version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('GET /openapi.json documents every route with its request and responses', async () => {
    const res = await f.anon.get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = res.body.paths as Record<
      string,
      Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>
    >;
    const expected: [string, string][] = [
      ['/v1/health', 'get'],
      ['/openapi.json', 'get'],
      ['/v1/users/{userId}', 'put'],
      ['/v1/users/{userId}', 'get'],
      ['/v1/users/{userId}', 'delete'],
      ['/v1/users/{userId}/totp', 'post'],
      ['/v1/users/{userId}/totp/confirm', 'post'],
      ['/v1/users/{userId}/verify', 'post'],
      ['/v1/users/{userId}/backup-codes', 'post'],
      ['/v1/users/{userId}/mfa', 'delete'],
      ['/v1/admin/users', 'get'],
      ['/v1/admin/clients/{clientId}/users/{userId}/reset-mfa', 'post'],
      ['/v1/admin/clients/{clientId}/users/{userId}/unlock', 'post'],
      ['/v1/admin/audit', 'get'],
      ['/v1/admin/clients/{clientId}/policy', 'get'],
      ['/v1/admin/clients/{clientId}/policy', 'put'],
    ];
    for (const [path, method] of expected)
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const verify = paths['/v1/users/{userId}/verify']!.post!;
    expect(verify.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CodeBody' } } },
    });
    expect(res.body.components.schemas.CodeBody).toMatchObject({
      properties: { code: { type: 'string', maxLength: 64 } },
      required: ['code'],
    });
    expect(res.body.components.schemas.User.properties.mfa.properties.status.enum).toEqual([
      'none',
      'pending',
      'enrolled',
    ]);
    // Every $ref resolves.
    for (const ref of JSON.stringify(res.body).matchAll(
      /"\$ref":"#\/components\/schemas\/(\w+)"/g,
    )) {
      expect(res.body.components.schemas[ref[1]!], ref[1]).toBeDefined();
    }
    expect(Object.keys(verify.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422', '423']),
    );
  });
});

describe('users', () => {
  it('PUT creates (201) then updates (200); GET returns the view; DELETE removes', async () => {
    const id = freshUser();
    const created = await f.a.put(`/v1/users/${id}`, {
      displayName: 'Ada',
      email: 'ada@example.com',
    });
    expect(created.status).toBe(201);
    const view = userViewSchema.parse(created.body);
    expect(view).toMatchObject({
      userId: id,
      displayName: 'Ada',
      mfa: { status: 'none', methods: [] },
      policy: { mode: 'OPTIONAL' },
    });
    const updated = await f.a.put(`/v1/users/${id}`, { displayName: 'Ada L.' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ displayName: 'Ada L.', email: 'ada@example.com' });
    expect((await f.a.put(`/v1/users/${id}`)).status).toBe(200);
    expect((await f.a.get(`/v1/users/${id}`)).body.userId).toBe(id);
    expect((await f.a.delete(`/v1/users/${id}`)).status).toBe(204);
    expectProblem(await f.a.get(`/v1/users/${id}`), 404, 'USER_NOT_FOUND');
    expectProblem(await f.a.delete(`/v1/users/${id}`), 404, 'USER_NOT_FOUND');
  });

  it('accepts unicode and e-mail-like ids', async () => {
    const id = `jöran+${freshUser()}@例え.jp`;
    const res = await f.a.put(`/v1/users/${encodeURIComponent(id)}`, {});
    expect(res.status).toBe(201);
    expect(res.body.userId).toBe(id);
  });
});

describe('enroll → confirm → verify', () => {
  it('runs the whole flow with a QR code, backup codes and replay protection', async () => {
    const id = freshUser();
    await f.a.put(`/v1/users/${id}`, {});
    const start = await f.a.post(`/v1/users/${id}/totp`, {
      issuer: 'Intranet',
      label: 'ada@example.com',
    });
    expect(start.status).toBe(201);
    const enrollment = enrollmentSchema.parse(start.body);
    expect(enrollment.qrCodePng).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(enrollment.otpauthUri).toBe(
      `otpauth://totp/Intranet:ada%40example.com?secret=${enrollment.secret}&issuer=Intranet&algorithm=SHA1&digits=6&period=30`,
    );
    expect(Date.parse(enrollment.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    expect((await f.a.get(`/v1/users/${id}`)).body.mfa.status).toBe('pending');

    expectProblem(
      await f.a.post(`/v1/users/${id}/totp/confirm`, { enrollmentId: 'nope', code: '123456' }),
      404,
      'ENROLLMENT_NOT_FOUND',
    );
    const wrong = codeAt(enrollment.secret, 5);
    expectProblem(
      await f.a.post(`/v1/users/${id}/totp/confirm`, {
        enrollmentId: enrollment.enrollmentId,
        code: wrong,
      }),
      422,
      'INVALID_CODE',
    );
    const confirm = await f.a.post(`/v1/users/${id}/totp/confirm`, {
      enrollmentId: enrollment.enrollmentId,
      code: codeAt(enrollment.secret, 0),
    });
    expect(confirm.status).toBe(200);
    const { backupCodes } = confirmResultSchema.parse(confirm.body);
    expect(backupCodes).toHaveLength(10);
    for (const code of backupCodes)
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(new Set(backupCodes).size).toBe(10);

    // The confirming code is spent; the next step's code is accepted once.
    expectProblem(
      await f.a.post(`/v1/users/${id}/verify`, { code: codeAt(enrollment.secret, 0) }),
      422,
      'CODE_REPLAYED',
    );
    const ok = await f.a.post(`/v1/users/${id}/verify`, { code: codeAt(enrollment.secret, 1) });
    expect(ok.status).toBe(200);
    expect(verifyResultSchema.parse(ok.body)).toEqual({
      valid: true,
      required: true,
      method: 'totp',
      backupCodesRemaining: 10,
    });
    expectProblem(
      await f.a.post(`/v1/users/${id}/verify`, { code: codeAt(enrollment.secret, 1) }),
      422,
      'CODE_REPLAYED',
    );

    const user = userViewSchema.parse((await f.a.get(`/v1/users/${id}`)).body);
    expect(user.mfa).toMatchObject({
      status: 'enrolled',
      methods: ['totp', 'backup_code'],
      backupCodesRemaining: 10,
      consecutiveFailures: 0,
    });
    expect(user.mfa.lastVerifiedAt).not.toBeNull();
    expectProblem(await f.a.post(`/v1/users/${id}/totp`, {}), 409, 'ALREADY_ENROLLED');
  });

  it('omits the QR code with ?qr=none and refuses an unknown qr value', async () => {
    const id = freshUser();
    await f.a.put(`/v1/users/${id}`, {});
    const res = await f.a.post(`/v1/users/${id}/totp?qr=none`, {});
    expect(res.status).toBe(201);
    expect(res.body.qrCodePng).toBeUndefined();
    const bad = expectProblem(
      await f.a.post(`/v1/users/${id}/totp?qr=svg`, {}),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors?.[0]?.path).toEqual(['query', 'qr']);
  });

  it('counts wrong codes, reports attemptsRemaining and resets on success', async () => {
    const u = await enrollUser(f.a, freshUser());
    const bad = expectProblem(
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 9) }),
      422,
      'INVALID_CODE',
    );
    expect(bad.attemptsRemaining).toBe(4);
    expect((await f.a.get(`/v1/users/${u.userId}`)).body.mfa.consecutiveFailures).toBe(1);
    expect(
      (await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) })).status,
    ).toBe(200);
    expect((await f.a.get(`/v1/users/${u.userId}`)).body.mfa.consecutiveFailures).toBe(0);
  });

  it('locks after 5 failures with Retry-After, refusing even a valid code', async () => {
    const u = await enrollUser(f.a, freshUser());
    for (let i = 0; i < 5; i++) {
      const res = expectProblem(
        await f.a.post(`/v1/users/${u.userId}/verify`, {
          code: '000000' === codeAt(u.secret) ? '111111' : '000000',
        }),
        422,
        'INVALID_CODE',
      );
      expect(res.attemptsRemaining).toBe(4 - i);
    }
    const locked = await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) });
    const p = expectProblem(locked, 423, 'LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(Date.parse(p.lockedUntil!)).toBeGreaterThan(Date.now());
    expect((await f.a.get(`/v1/users/${u.userId}`)).body.mfa.lockedUntil).toBe(p.lockedUntil);
  });

  it('accepts each backup code once, in any formatting, and counts down', async () => {
    const u = await enrollUser(f.a, freshUser());
    const code = u.backupCodes[0]!;
    const ok = await f.a.post(`/v1/users/${u.userId}/verify`, {
      code: code.toLowerCase().replace(/-/g, ' '),
    });
    expect(ok.body).toEqual({
      valid: true,
      required: true,
      method: 'backup_code',
      backupCodesRemaining: 9,
    });
    expectProblem(await f.a.post(`/v1/users/${u.userId}/verify`, { code }), 422, 'INVALID_CODE');
    expectProblem(
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }),
      422,
      'INVALID_CODE',
    );
    const malformed = expectProblem(
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: '12345' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(malformed.errors?.[0]?.path).toEqual(['body', 'code']);
  });

  it('regenerates backup codes with a TOTP step-up; the old set is void', async () => {
    const u = await enrollUser(f.a, freshUser());
    expectProblem(
      await f.a.post(`/v1/users/${u.userId}/backup-codes`, { code: u.backupCodes[0] }),
      400,
      'VALIDATION_FAILED',
    );
    const res = await f.a.post(`/v1/users/${u.userId}/backup-codes`, { code: codeAt(u.secret, 1) });
    expect(res.status).toBe(200);
    const { backupCodes } = backupCodesSchema.parse(res.body);
    expect(backupCodes).toHaveLength(10);
    expect(backupCodes).not.toContain(u.backupCodes[0]);
    expectProblem(
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: u.backupCodes[1] }),
      422,
      'INVALID_CODE',
    );
    expect(
      (await f.a.post(`/v1/users/${u.userId}/verify`, { code: backupCodes[0] })).body.method,
    ).toBe('backup_code');
  });

  it('removes MFA with a backup-code step-up', async () => {
    const u = await enrollUser(f.a, freshUser());
    expectProblem(
      await f.a.delete(`/v1/users/${u.userId}/mfa`, {
        code: '000000' === codeAt(u.secret) ? '111111' : '000000',
      }),
      422,
      'INVALID_CODE',
    );
    const res = await f.a.delete(`/v1/users/${u.userId}/mfa`, { code: u.backupCodes[3] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'none' });
    expect((await f.a.get(`/v1/users/${u.userId}`)).body.mfa).toMatchObject({
      status: 'none',
      backupCodesRemaining: 0,
    });
    expectProblem(
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) }),
      409,
      'NOT_ENROLLED',
    );
  });

  it('NOT_ENROLLED and USER_NOT_FOUND', async () => {
    const id = freshUser();
    expectProblem(
      await f.a.post(`/v1/users/${id}/verify`, { code: '123456' }),
      404,
      'USER_NOT_FOUND',
    );
    expectProblem(await f.a.post(`/v1/users/${id}/totp`, {}), 404, 'USER_NOT_FOUND');
    await f.a.put(`/v1/users/${id}`, {});
    expectProblem(
      await f.a.post(`/v1/users/${id}/verify`, { code: '123456' }),
      409,
      'NOT_ENROLLED',
    );
    expectProblem(
      await f.a.post(`/v1/users/${id}/backup-codes`, { code: '123456' }),
      409,
      'NOT_ENROLLED',
    );
    expectProblem(await f.a.delete(`/v1/users/${id}/mfa`, { code: '123456' }), 409, 'NOT_ENROLLED');
  });
});
