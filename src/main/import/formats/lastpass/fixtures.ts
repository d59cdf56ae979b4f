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
