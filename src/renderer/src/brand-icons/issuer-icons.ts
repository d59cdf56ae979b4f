import { BRAND_ICONS } from './brand-icon-set';

export interface BrandIcon {
  slug: string;
  title: string;
  /** The brand colour, `#rrggbb`. */
  hex: string;
  /** One SVG path on a 24 × 24 box. */
  path: string;
}

/** Built once: slug → icon. */
const bySlug = new Map<string, BrandIcon>(
  BRAND_ICONS.map((i) => [
    i.slug,
    { slug: i.slug, title: i.title, hex: `#${i.hex}`, path: i.path },
  ]),
);

/**
 * Issuer spellings that are not the icon's slug. Some point at brands simple-icons does not carry
 * (aws, microsoft): they fall back to the letter avatar, and find an icon if the set gains one.
 */
const ALIASES: Record<string, string> = {
  amazonwebservices: 'aws',
  awsconsole: 'aws',
  office365: 'microsoft',
  microsoft365: 'microsoft',
  outlook: 'microsoft',
  live: 'microsoft',
  twitter: 'x',
  meta: 'facebook',
  googleworkspace: 'google',
  gsuite: 'google',
  protonmail: 'protonmail',
  electronicarts: 'ea',
  origin: 'ea',
  gog: 'gogdotcom',
  epic: 'epicgames',
  psn: 'playstation',
  playstationnetwork: 'playstation',
  tutanota: 'tuta',
  digitalocean: 'digitalocean',
  bitwardenvault: 'bitwarden',
  '1passwordcom': '1password',
};

/** Words that say nothing about the brand: "GitHub, Inc." is GitHub. */
const NOISE = new Set(['inc', 'llc', 'ltd', 'gmbh', 'corp', 'com', 'the', 'account', 'accounts']);

/** "Amazon Web Services" → ["amazonwebservices", "amazon", ...]: the keys to try, best first. */
export function issuerKeys(issuer: string): string[] {
  const text = issuer
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
  // A domain ("accounts.google.com", "github.com") is named by its second-level label.
  const labels = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text) ? text.split('.') : [];
  const domain = labels.length >= 2 ? labels[labels.length - 2] : undefined;
  const words = text.split(/[^a-z0-9]+/).filter((w) => w !== '' && !NOISE.has(w));
  const keys = [words.join(''), domain, words.slice(0, 2).join(''), words[0]];
  return [...new Set(keys.filter((k): k is string => !!k))];
}

const cache = new Map<string, BrandIcon | null>();

/** The bundled icon for an issuer, or undefined. Memoised: a 2,000-row list asks often. */
export function iconForIssuer(issuer: string): BrandIcon | undefined {
  let found = cache.get(issuer);
  if (found === undefined) {
    found = null;
    for (const key of issuerKeys(issuer)) {
      const icon = bySlug.get(ALIASES[key] ?? key);
      if (icon) {
        found = icon;
        break;
      }
    }
    cache.set(issuer, found);
  }
  return found ?? undefined;
}

/** Black or white, whichever reads better on the brand colour (WCAG relative luminance). */
export function contrastOn(hex: string): '#000' | '#fff' {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return luminance > 0.179 ? '#000' : '#fff';
}
