// The sidebar's entry point: reads the boot data the server embedded and renders the form.
import type { BootData } from '../src/shared/boot';

declare global {
  interface Window {
    __BOOT__?: BootData;
  }
}

function render(boot: BootData) {
  const app = document.getElementById('app');
  if (!app) return;
  const h1 = document.createElement('h1');
  h1.textContent = boot.title;
  const who = document.createElement('p');
  who.textContent = boot.user;
  app.replaceChildren(h1, who);
}

const boot = window.__BOOT__;
if (boot) render(boot);
