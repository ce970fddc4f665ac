/**
 * Starts a stand-in server (webhook receiver, HubSpot) as a child process on 127.0.0.1 and waits for
 * its address. A separate process because UrlFetchApp is synchronous: while the emulator waits for an
 * answer (http-sync.ts) this process's event loop is blocked, so the server cannot live in it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface LocalServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** JSON from the server's control paths (/_inbox, /_answer, ...). */
  control<T = unknown>(pathname: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export function startLocalServer(
  file: 'webhook-receiver' | 'hubspot-stand-in',
  env: Record<string, string> = {},
): Promise<LocalServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, `${file}.ts`)],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!match) return;
      child.stdout?.off('data', onData);
      const origin = match[1];
      resolve({
        origin,
        async control<T>(pathname: string, body?: unknown): Promise<T> {
          const ask = () =>
            fetch(`${origin}${pathname}`, {
              method: body === undefined ? 'GET' : 'POST',
              body: body === undefined ? undefined : JSON.stringify(body),
            });
          // A kept-alive connection the server closed while the test ran a long synchronous step
          // fails the first try before any byte is sent ("other side closed"): asked again once.
          const res = await ask().catch(() => ask());
          return (await res.json()) as T;
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before listening: ${out}`)));
  });
}
