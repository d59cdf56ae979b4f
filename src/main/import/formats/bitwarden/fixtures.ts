import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

const login = (name: string, username: string, totp: string | null) => ({
  id: 'f3a1c2d4-0000-4000-8000-000000000000',
  organizationId: null,
  folderId: null,
  type: 1,
  reprompt: 0,
  name,
  notes: null,
  favorite: false,
  fields: [],
  login: {
    fido2Credentials: [],
    uris: [{ match: null, uri: 'https://example.com' }],
    username,
    password: 'pw',
    totp,
  },
  collectionIds: null,
});

export function bitwardenJson(): string {
  return JSON.stringify({
    encrypted: false,
    folders: [],
    items: [
      login(
        'GitHub',
        'alice',
        `otpauth://totp/GitHub:alice?secret=${SECRET_B32}&issuer=GitHub&algorithm=SHA256&digits=8&period=60`,
      ),
      login('Dropbox', 'carol@example.com', SECRET2_B32.toLowerCase()),
      login('Steam', 'gamer', `steam://${SECRET2_B32}`),
      login('Bank', 'dave', null),
      { id: 'n', type: 2, name: 'A secure note', notes: 'hello', secureNote: { type: 0 } },
    ],
  });
}

export function bitwardenCsv(): string {
  return [
    'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
    `,,login,GitHub,"multi\nline, note",,0,https://github.com,alice,"p,w",otpauth://totp/GitHub:alice?secret=${SECRET_B32}&issuer=GitHub`,
    `Work,1,login,Dropbox,,,0,,carol@example.com,pw,${SECRET2_B32}`,
    ',,login,Bank,,,0,,dave,pw,',
    `,,login,Steam,,,0,,gamer,pw,steam://${SECRET2_B32}`,
  ].join('\r\n');
}

/** Older exports and Bitwarden Authenticator's: no `encrypted` or `folders`, sparse items. */
export function bitwardenJsonSparse(): string {
  return JSON.stringify({
    items: [
      {
        id: 'a',
        name: 'Fastmail',
        type: 1,
        favorite: false,
        login: { totp: `otpauth://totp/?secret=${SECRET_B32}&digits=8` },
      },
      { id: 'b', name: 42, login: { username: 'gina', totp: SECRET2_B32, passkeys: [] } },
      { id: 'c', type: 1, login: null },
    ],
  });
}

/** Bitwarden Authenticator's CSV: fewer columns, no username column. */
export function bitwardenAuthenticatorCsv(): string {
  return [
    'folder,favorite,type,name,login_uri,login_totp',
    `,false,login,Heroku,,otpauth://totp/Heroku:hank?secret=${SECRET_B32}&issuer=Heroku&period=45`,
  ].join('\n');
}
