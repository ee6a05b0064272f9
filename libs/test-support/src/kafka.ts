import { ChildProcess, spawn, spawnSync } from 'node:child_process';

const KCAT = process.env.KCAT_BIN ?? 'kcat';
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const BOOTSTRAP_LINE = /replaced with (\S+)/;

const isCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

/** librdkafka's mock cluster, run inside kcat (TOOLCHAIN.md "Kafka mock broker"). */
export interface KafkaMock {
  readonly brokers: readonly string[];
  stop(): Promise<void>;
}

export const kafkaMockAvailable = (): boolean => spawnSync(KCAT, ['-V'], { stdio: 'ignore' }).status === 0;

const stopProcess = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });

/**
 * Starts a mock cluster of `brokers` brokers and answers its bootstrap list. kcat prints the list
 * on stderr; stderr is drained for the whole run, because kcat blocks once a full pipe stops it.
 */
export const startKafkaMock = (brokers = 3): Promise<KafkaMock> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      KCAT,
      ['-X', `test.mock.num.brokers=${brokers}`, '-b', 'localhost:1', '-C', '-t', 'keepalive', '-o', 'end', '-q'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let output = '';
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopProcess(child).then(() => reject(error));
    };
    const timer = setTimeout(
      () => fail(new Error(`kcat printed no mock bootstrap list within ${START_TIMEOUT_MS} ms: ${output.slice(-500)}`)),
      START_TIMEOUT_MS,
    );
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`kcat exited (${code ?? signal}) before the mock started: ${output.slice(-500)}`)));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (settled) return;
      output += chunk;
      const match = BOOTSTRAP_LINE.exec(output);
      if (!match) return;
      settled = true;
      clearTimeout(timer);
      resolve({ brokers: match[1].split(',').filter(Boolean), stop: () => stopProcess(child) });
    });
  });

/**
 * `describe` for suites that need Kafka: starts the kcat mock before the suite and stops it after.
 * Without kcat they skip locally, but with CI=true they fail: CI must never pass by skipping.
 */
export const describeWithKafka = (name: string, body: (mock: () => KafkaMock) => void): void => {
  if (!kafkaMockAvailable()) {
    if (isCi()) {
      describe(`${name} [kafka mock]`, () => {
        it('needs kcat for the Kafka mock cluster, which CI must provide', () => {
          throw new Error(`${KCAT} cannot be run; CI=true forbids skipping (apt-get install -y kcat)`);
        });
      });
    } else {
      describe.skip(`${name} [kafka mock: kcat not installed, skipped outside CI]`, () => body(() => {
        throw new Error('no Kafka mock');
      }));
    }
    return;
  }
  describe(`${name} [kafka mock]`, () => {
    let mock: KafkaMock | null = null;
    beforeAll(async () => {
      mock = await startKafkaMock();
    });
    body(() => {
      if (!mock) throw new Error('the Kafka mock is not running');
      return mock;
    });
    // Declared after the body's hooks, so that it runs after them: clients disconnect before the brokers go.
    afterAll(async () => {
      await mock?.stop();
    });
  });
};
