import { describe, expect, it } from 'vitest';
import { IMPORT_SOURCES } from '../../../shared/import-sources';
import { formatsForDetection } from '../format-registry';
import { thirdPartyFormats } from './index';

describe('"Import from…" sources', () => {
  it('have unique ids, instructions, and name only formats that exist', () => {
    const ids = IMPORT_SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(formatsForDetection().map((f) => f.id));
    for (const source of IMPORT_SOURCES) {
      expect(source.howToExport.length).toBeGreaterThan(20);
      for (const id of source.formatIds) expect(known, `${source.id} → ${id}`).toContain(id);
    }
  });

  it('cover every third-party importer', () => {
    const covered = new Set(IMPORT_SOURCES.flatMap((s) => s.formatIds));
    expect(thirdPartyFormats.map((f) => f.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
