import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

/** files/duokit/accounts.json of Duo Mobile. */
export const duoAccounts = (): string =>
  JSON.stringify([
    {
      name: 'GitHub',
      otpGenerator: { otpSecret: SECRET_B32 },
      logoUri: 'x',
      accountType: 'OtpAccount',
      pkey: 'k',
    },
    {
      name: 'Corp',
      otpGenerator: { otpSecret: SECRET2_B32, counter: 3 },
      accountType: 'OtpAccount',
    },
  ]);
