// Debian's Chromium and the flags this machine needs (ARCHITECTURE.md): without the
// background-networking ones it keeps dialing hosts the closed network refuses.
export const chromiumLaunchOptions = {
  executablePath: process.env.TESSERA_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
