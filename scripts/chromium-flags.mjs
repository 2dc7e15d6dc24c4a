// The flags Debian's Chromium needs here: as root (no sandbox), headless without a GPU, and on a closed network
// (no background connections, which would be refused many at a time). Shared by the browser tests, the
// benchmark and the screenshot script.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
