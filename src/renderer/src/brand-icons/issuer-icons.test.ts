import { describe, expect, it } from 'vitest';
import { contrastOn, iconForIssuer, issuerKeys } from './issuer-icons';

describe('issuer icons', () => {
  it('matches well-known issuers however they are spelled', () => {
    const slug = (issuer: string) => iconForIssuer(issuer)?.slug;
    expect(slug('GitHub')).toBe('github');
    expect(slug('github.com')).toBe('github');
    expect(slug('GitHub, Inc.')).toBe('github');
    expect(slug('Google')).toBe('google');
    expect(slug('accounts.google.com')).toBe('google');
    expect(slug('Google Workspace')).toBe('google');
    expect(slug('Twitter')).toBe('x');
    expect(slug('Proton Mail')).toBe('protonmail');
    expect(slug('Electronic Arts')).toBe('ea');
    expect(slug('Épic Games')).toBe('epicgames');
    expect(slug('My Bank')).toBeUndefined();
  });

  it('normalises Amazon Web Services to aws, which the bundled set does not carry', () => {
    expect(issuerKeys('Amazon Web Services')[0]).toBe('amazonwebservices');
    expect(iconForIssuer('Amazon Web Services')).toBeUndefined();
    expect(iconForIssuer('Microsoft')).toBeUndefined();
  });

  it('picks a readable foreground for the brand colour', () => {
    expect(contrastOn('#181717')).toBe('#fff');
    expect(contrastOn('#FFFFFF')).toBe('#000');
    expect(contrastOn(iconForIssuer('GitHub')!.hex)).toBe('#fff');
  });
});
