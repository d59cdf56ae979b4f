import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TAG_FINAL,
  TAG_MESSAGE,
  TAG_REKEY,
  secretstreamInit,
  secretstreamPull,
  secretstreamPush,
} from '../shared/secretstream';
import { random, utf8 } from '../test-support/crypto';
import {
  GITHUB_ALICE,
  SECRET2_B32,
  detects,
  drafts,
  expectImportError,
  run,
} from '../test-support/run';
import { enteFormat } from './ente';
import { enteEncrypted } from './fixtures';

beforeAll(async () => {
  await sodium.ready;
});

describe('secretstream (checked against libsodium itself)', () => {
  it('reads what libsodium writes, across several messages and a rekey', () => {
    const key = random(32);
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const messages: [string, number][] = [
      ['first', TAG_MESSAGE],
      ['x'.repeat(1000), TAG_REKEY],
      ['', TAG_MESSAGE],
      ['last', TAG_FINAL],
    ];
    const ours = secretstreamInit(key, header);
    for (const [text, tag] of messages) {
      const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(
        state,
        utf8(text),
        null,
        tag,
      );
      const pulled = secretstreamPull(ours, sealed);
      expect(pulled && Buffer.from(pulled.message).toString()).toBe(text);
      expect(pulled?.tag).toBe(tag);
    }
  });

  it('writes what libsodium reads, and refuses a flipped bit', () => {
    const key = random(32);
    const header = random(24);
    const ours = secretstreamInit(key, header);
    const a = secretstreamPush(ours, utf8('hello'), TAG_REKEY);
    const b = secretstreamPush(ours, utf8('world'), TAG_FINAL);
    const theirs = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
    const pull = (sealed: Uint8Array) => {
      const result = sodium.crypto_secretstream_xchacha20poly1305_pull(
        theirs,
        sealed,
        null,
        'text',
      );
      return result === false ? undefined : result;
    };
    expect(pull(a)).toEqual({ message: 'hello', tag: TAG_REKEY });
    expect(pull(b)).toEqual({ message: 'world', tag: TAG_FINAL });
    const tampered = secretstreamPush(secretstreamInit(key, header), utf8('hello'), TAG_FINAL);
    tampered[3] = (tampered[3] as number) ^ 1;
    expect(secretstreamPull(secretstreamInit(key, header), tampered)).toBeUndefined();
  });
});

describe('Ente Auth encrypted export', () => {
  it('decrypts and reads the links field by field (ignoring codeDisplay)', async () => {
    const input = await enteEncrypted('ente pw');
    expect(detects(enteFormat, input)).toBe(true);
    const result = await run(enteFormat, input, { password: 'ente pw' });
    expect(result.format).toBe('Ente Auth export (encrypted)');
    const [github, corp, steam] = drafts(result);
    expect(github).toEqual(GITHUB_ALICE);
    expect(corp).toMatchObject({
      type: 'hotp',
      issuer: 'Corp',
      name: 'bob',
      secret: SECRET2_B32,
      algorithm: 'SHA256',
      digits: 8,
      counter: 5,
    });
    expect(steam).toMatchObject({ type: 'steam', issuer: 'Steam', name: 'gamer', digits: 5 });
  });

  it('reports a missing or wrong password, a truncated file and a hostile memory limit', async () => {
    const input = await enteEncrypted('ente pw');
    await expectImportError(run(enteFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(run(enteFormat, input, { password: 'nope' }), 'IMPORT_WRONG_PASSWORD');
    await expectImportError(
      run(enteFormat, input.slice(0, 120), { password: 'ente pw' }),
      'IMPORT_TRUNCATED',
    );
    const hostile = JSON.parse(input) as { kdfParams: { memLimit: number } };
    hostile.kdfParams.memLimit = 64 * 1024 * 1024 * 1024;
    await expectImportError(
      run(enteFormat, JSON.stringify(hostile), { password: 'ente pw' }),
      'IMPORT_UNSAFE_PARAMETERS',
    );
  });
});
