// `npm start`: serves the local preview on http://localhost:8080 (PORT overrides); `-- --reset` seeds the demo again.
import { startPreview } from './app';
import { clockView } from './clock';

const reset = process.argv.includes('--reset');
const port = process.env.PORT ? Number(process.env.PORT) : 8080;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}

const started = Date.now();
startPreview({ port, reset }).then(
  (preview) => {
    const seeded = preview.store.seeded;
    if (seeded) {
      const parts = Object.entries(seeded).map(
        ([k, v]) => `${k} ${v.addOn} through the add-on, ${v.rows} as rows`,
      );
      console.log(`Seeded the demo register: ${parts.join('; ')}.`);
    }
    const daily = preview.store.emu.triggers().find((t) => t.handler === 'runReminders');
    if (daily?.nextRun !== undefined) {
      const next = clockView(daily.nextRun, preview.store.emu.spreadsheet.state.timeZone);
      console.log(
        `Reminders are on: the next run is ${next.local} (${next.timeZone}); "Advance to tomorrow 09:00" fires it.`,
      );
    }
    console.log(`State: ${preview.store.file}${reset ? ' (reset)' : ''}`);
    console.log(`Customer Register preview ready in ${Date.now() - started} ms: ${preview.url}`);
  },
  (e: unknown) => {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') console.error(`Port ${port} is in use: run PORT=8081 npm start.`);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
