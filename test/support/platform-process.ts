import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TEST_SECRET } from './platform';

const ROOT = join(__dirname, '..', '..');

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

export interface PlatformProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited (after kill or stop). */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/** Starts the platform as `npm start` does, in its own process, and waits until it is ready. */
export const startPlatformProcess = async (env: Record<string, string>): Promise<PlatformProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, ['tools/run-ts.js', 'apps/platform/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, AUTH_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the platform exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/health/ready`).then((response) => response.ok).catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the platform was not ready within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
};
