import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

/**
 * Android SharedPreferences files (`shared_prefs/*.xml`), where several apps keep their tokens:
 * `<map><string name="key">value</string><int name="n" value="1" />...</map>`.
 * Only the string entries matter to importers.
 */

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => name === 'string',
  // Preference files never declare entities; refusing DOCTYPE expansion keeps "billion laughs" out.
  processEntities: { enabled: true, maxEntityCount: 0 },
});

const stringNode = z.union([
  z.object({ '@_name': z.string(), '#text': z.union([z.string(), z.number()]).optional() }),
  z.object({ '@_name': z.string() }),
]);
const prefsShape = z.object({
  map: z.union([z.object({ string: z.array(stringNode).optional() }), z.literal('')]),
});

/** True for a SharedPreferences document; cheap check used by detectors. */
export function looksLikePreferences(text: string | undefined): text is string {
  if (text === undefined) return false;
  const head = text.trimStart().slice(0, 200);
  return (
    (head.startsWith('<?xml') || head.startsWith('<map')) && /<map[\s>/]/.test(text.slice(0, 400))
  );
}

/** Every string entry by name, or undefined when the text is not a preference file. */
export function readPreferenceStrings(text: string): Map<string, string> | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  let document: unknown;
  try {
    document = parser.parse(text);
  } catch {
    return undefined;
  }
  const shape = prefsShape.safeParse(document);
  if (!shape.success) return undefined;
  const map = new Map<string, string>();
  const strings = shape.data.map === '' ? [] : (shape.data.map.string ?? []);
  for (const node of strings) {
    const value = '#text' in node && node['#text'] !== undefined ? String(node['#text']) : '';
    map.set(node['@_name'], value);
  }
  return map;
}
