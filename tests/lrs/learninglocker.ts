import { fork, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LearningLocker {
  /** Base URL, e.g. http://127.0.0.1:41234 (the Statement API is at /xAPI/statements). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts LearningLocker's xapi-statements with in-memory models and no Redis. Authorisation is
 * real: for every request it asks `clientInfoEndpoint` (our test endpoint) who the Basic
 * credentials belong to. Runs in a child process in an empty temp folder, so its dotenv and access
 * logs touch nothing of ours.
 */
export async function startLearningLocker(clientInfoEndpoint: string): Promise<LearningLocker> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-lrs-'));
  const output: string[] = [];
  const child: ChildProcess = fork(path.join(__dirname, 'learninglocker-main.js'), [], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      AUTH_REPO: 'fetch',
      LL_CLIENT_INFO_ENDPOINT: clientInfoEndpoint,
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      EVENTS_REPO: 'test',
      FS_LOCAL_STORAGE_DIR: path.join(dir, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: path.join(dir, 'logs'),
      WINSTON_CONSOLE_LEVEL: 'error',
      // The LRS checks conflicting ids itself; we want it to, as a real one would.
      SERVICE_CHECK_CONFLICTS: 'true',
      SERVICE_AWAIT_UPDATES: 'true',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`LearningLocker did not start in 30 s:\n${output.join('')}`)), 30000);
    child.once('message', (m: { port: number }) => {
      clearTimeout(timer);
      resolve(m.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`LearningLocker exited with ${code}:\n${output.join('')}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
