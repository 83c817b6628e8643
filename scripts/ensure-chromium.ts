// Makes sure a Chromium is there for the browser tests: finds it, or installs Debian's package when running as root.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium';

function tryInstall(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    console.log("Chromium not found: installing Debian's chromium package (apt-get)...");
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    return false;
  }
}

if (!findChromium() && !(tryInstall() && findChromium())) {
  console.error(
    [
      'The browser tests need Chromium and none was found.',
      'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
      'Nothing is downloaded by the tests themselves.',
    ].join('\n'),
  );
  process.exit(1);
}
