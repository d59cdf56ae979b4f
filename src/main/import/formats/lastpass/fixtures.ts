import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

export function lastPassJson(): string {
  const account = (
    issuerName: string,
    userName: string,
    secret: string,
    extra: Record<string, unknown> = {},
  ) => ({
    accountID: `${issuerName}-id`,
    issuerName,
    originalIssuerName: issuerName,
    userName,
    originalUserName: userName,
    pushNotification: false,
    secret,
    timeStep: 30,
    digits: 6,
    creationTimestamp: 1700000000000,
    isFavorite: false,
    algorithm: 'SHA1',
    folderData: { folderId: 0, position: 0 },
    ...extra,
  });
  return JSON.stringify({
    deviceId: 'dev',
    deviceSecret: 'devsecret',
    localDeviceId: 'local',
    deviceName: 'Pixel',
    version: 3,
    accounts: [
      account('GitHub', 'alice', SECRET_B32),
      account('AWS', 'ops', SECRET2_B32, { digits: 8, timeStep: 60, algorithm: 'SHA512' }),
      account('Weird', 'x', SECRET2_B32, { algorithm: 'MD5' }),
    ],
    folders: [{ id: 0, name: 'Favorites', isOpened: true }],
  });
}

/**
 * Exports of other LastPass versions: no deviceSecret, no version, accounts missing timeStep or
 * digits, numbers as strings, nulls, and extra keys (lmiUserId, backupInfo).
 */
export function lastPassJsonSparse(): string {
  return JSON.stringify({
    accounts: [
      {
        accountID: 'a1',
        lmiUserId: '123',
        issuerName: 'Slack',
        userName: 'erin',
        secret: SECRET_B32,
        algorithm: 'SHA256',
        backupInfo: { creationDate: '2021-01-01' },
      },
      {
        originalIssuerName: 'Okta',
        originalUserName: 'frank',
        issuerName: null,
        userName: '',
        secret: SECRET2_B32,
        timeStep: '60',
        digits: null,
        algorithm: null,
      },
    ],
  });
}
