/**
 * `npm start`: the playground on 127.0.0.1 (PORT, else 5173, else any free port). The workbook is
 * kept in .playground/ (git-ignored) as a journal of actions replayed at start.
 */
import path from 'node:path';
import { startPlayground } from './app';

const DEFAULT_PORT = 5173;

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const wanted = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  const options = {
    dataDir: path.join(root, '.playground'),
    // A first start opens the demo program, set up and ready; PLAYGROUND_FRESH=blank for an empty one.
    fresh: process.env.PLAYGROUND_FRESH === 'blank' ? ('blank' as const) : ('demo' as const),
    log: (line: string) => process.stderr.write(`playground: ${line}\n`),
  };
  let playground;
  try {
    playground = await startPlayground({ ...options, port: wanted });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    options.log(`port ${wanted} is busy; using a free one`);
    playground = await startPlayground({ ...options, port: 0 });
  }
  process.stdout.write(`Partnership Tracker playground: ${playground.url}/\n`);
  const stop = () => void playground.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`playground: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
