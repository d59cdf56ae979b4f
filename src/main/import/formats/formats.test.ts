import { describe, expect, it } from 'vitest';
import { formatsForDetection } from '../format-registry';
import { thirdPartyFormats } from './index';
import { FIXTURE_PASSWORD, allFixtures } from './test-support/all-fixtures';
import { asBytes, textOf } from './test-support/run';

const fixtures = await allFixtures();

describe('third-party format registry', () => {
  it('has unique ids', () => {
    const ids = thirdPartyFormats.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s is claimed by exactly its own format, also through the whole import registry',
    async (_name, fixture) => {
      const bytes = asBytes(fixture.input);
      const text = textOf(bytes);
      const claimants = thirdPartyFormats.filter((f) => f.detect(bytes, text)).map((f) => f.id);
      expect(claimants).toEqual([fixture.formatId]);
      const first = formatsForDetection().find((f) => f.detect(bytes, text));
      expect(first?.id).toBe(fixture.formatId);
      if (!fixture.slowKdf) {
        const result = await thirdPartyFormats
          .find((f) => f.id === fixture.formatId)
          ?.parse(bytes, text, { password: FIXTURE_PASSWORD });
        expect(result?.entries.some((e) => e.draft)).toBe(true);
      }
    },
  );
});
