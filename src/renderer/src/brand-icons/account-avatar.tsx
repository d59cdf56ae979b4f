import { memo, type CSSProperties } from 'react';
import { contrastOn, iconForIssuer } from './issuer-icons';

interface AccountAvatarProps {
  issuer: string;
  name: string;
  /** The person's own image (a PNG data URL made by main); overrides the brand icon. */
  customIcon: string | null;
}

/** A stable colour per issuer, so a long list is easier to scan. */
function hue(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

/**
 * The picture at the start of a row: the custom image, else the issuer's bundled brand icon in its
 * colour, else the first letter. Decorative (the row is named by its label), so hidden from
 * assistive tech. Memoised on its three props: a row re-render does not redo the lookup or the SVG.
 */
export const AccountAvatar = memo(function AccountAvatar({
  issuer,
  name,
  customIcon,
}: AccountAvatarProps) {
  if (customIcon) {
    return <img className="avatar avatar-image" src={customIcon} alt="" aria-hidden="true" />;
  }
  const brand = issuer ? iconForIssuer(issuer) : undefined;
  if (brand) {
    return (
      <span
        className="avatar avatar-brand"
        aria-hidden="true"
        data-brand={brand.slug}
        style={{ background: brand.hex }}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" focusable="false">
          <path d={brand.path} fill={contrastOn(brand.hex)} />
        </svg>
      </span>
    );
  }
  const text = issuer || name;
  return (
    <span className="avatar" aria-hidden="true" style={{ '--hue': hue(text) } as CSSProperties}>
      {text.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
});
