import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config';

describe('resolveConfig: the database URL', () => {
  const url = 'postgres://u:p@127.0.0.1/tessera';

  it('reads --database before TESSERA_DATABASE_URL', () => {
    expect(
      resolveConfig({ database: url }, { TESSERA_DATABASE_URL: 'postgres://other' }),
    ).toMatchObject({
      databaseUrl: url,
    });
    expect(resolveConfig({}, { TESSERA_DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('has none without either, or with the variable empty: the local file is used', () => {
    expect(resolveConfig({}, {}).databaseUrl).toBeUndefined();
    expect(resolveConfig({}, { TESSERA_DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});
