// tools/start.js's flags: --in-memory (STORE=memory, a temporary NATS store), --reset (asks y/N on
// a terminal, --yes to skip, refuses without a terminal) and --help; all in temporary
// OPENLINES_DATA_DIRs, with fake services.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { freePort, natsServerBinary } from './support/processes';
import { runStart } from './support/start-runner';

jest.setTimeout(60000);

interface Flags {
  inMemory: boolean;
  reset: boolean;
  yes: boolean;
  help: boolean;
}
const load = createRequire(__filename);
const options = load('../../tools/start/options.js') as {
  USAGE: string;
  parseFlags(argv: string[]): Flags;
  storeMode(env: Record<string, string>, flags: Flags): 'mongo' | 'sqlite' | 'memory';
};
const reset = load('../../tools/start/reset.js') as {
  resetDataDir(args: {
    dataDir: string;
    yes: boolean;
    input: NodeJS.ReadableStream & { isTTY?: boolean };
    output: NodeJS.WritableStream;
  }): Promise<{ wiped: boolean; reason?: string }>;
};

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openlines-start-flags-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A data directory as a durable run leaves it: NATS's store and log, the SQLite files. */
function usedDataDir(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'nats', 'jetstream'), { recursive: true });
  mkdirSync(path.join(dir, 'store'));
  writeFileSync(path.join(dir, 'store', 'openlines_sessions.sqlite'), 'x');
  writeFileSync(path.join(dir, 'nats-server.log'), 'x');
  return dir;
}

/** A terminal that answers `answer` to the question (a readable marked as a TTY). */
function terminal(answer: string) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let asked = '';
  output.on('data', (chunk: Buffer) => {
    asked += chunk.toString();
    if (asked.includes('[y/N]')) input.write(answer);
  });
  return { input, output, asked: () => asked };
}

describe('npm start flags', () => {
  it('parses --in-memory, --reset, --yes/-y and --help/-h, and refuses anything else', () => {
    expect(options.parseFlags([])).toEqual({
      inMemory: false,
      reset: false,
      yes: false,
      help: false,
    });
    expect(options.parseFlags(['--in-memory', '--reset', '-y'])).toEqual({
      inMemory: true,
      reset: true,
      yes: true,
      help: false,
    });
    expect(options.parseFlags(['-h']).help).toBe(true);
    expect(() => options.parseFlags(['--inmemory'])).toThrow(/unknown option "--inmemory"/);
    expect(() => options.parseFlags(['--yes'])).toThrow(/--yes only goes with --reset/);
  });

  it('picks the store: MongoDB with MONGO_URL, memory with --in-memory or STORE=memory, else SQLite', () => {
    const none = options.parseFlags([]);
    const inMemory = options.parseFlags(['--in-memory']);
    expect(options.storeMode({}, none)).toBe('sqlite');
    expect(options.storeMode({}, inMemory)).toBe('memory');
    expect(options.storeMode({ STORE: 'memory' }, none)).toBe('memory');
    expect(options.storeMode({ MONGO_URL: 'mongodb://m/x' }, none)).toBe('mongo');
    expect(() => options.storeMode({ MONGO_URL: 'mongodb://m/x' }, inMemory)).toThrow(
      /--in-memory and MONGO_URL contradict/,
    );
  });

  it('--help lists every flag and exits 0 without starting anything', async () => {
    const run = runStart([{ name: 'alpha', port: await freePort() }], {}, ['--help']);
    expect(await run.exit).toEqual({ code: 0, signal: null });
    for (const flag of ['--in-memory', '--reset', '--yes', '--help', 'OPENLINES_DATA_DIR']) {
      expect(run.output()).toContain(flag);
    }
    expect(run.output()).not.toMatch(/\[alpha\]/);
  });

  it('refuses an unknown flag, and --in-memory with MONGO_URL, with exit code 2', async () => {
    const port = await freePort();
    const unknown = runStart([{ name: 'alpha', port }], {}, ['--fresh']);
    expect(await unknown.exit).toEqual({ code: 2, signal: null });
    expect(unknown.output()).toContain('unknown option "--fresh" (see --help)');
    const clash = runStart([{ name: 'alpha', port }], { MONGO_URL: 'mongodb://127.0.0.1:1/x' }, [
      '--in-memory',
    ]);
    expect(await clash.exit).toEqual({ code: 2, signal: null });
    expect(clash.output()).toMatch(/--in-memory and MONGO_URL contradict/);
  });

  it('--in-memory: services get STORE=memory, nats-server a temporary store removed on stop', async () => {
    const dir = tempDir();
    const port = await freePort();
    const run = runStart(
      [{ name: 'alpha', port }],
      { OPENLINES_DATA_DIR: dir, NATS_SERVER_BIN: natsServerBinary(), OPENLINES_NATS_PORT: '0' },
      ['--in-memory'],
    );
    await run.waitForOutput(/press Ctrl-C to stop/);
    const output = run.output();
    expect(output).toMatch(/--in-memory: every service keeps its data IN MEMORY/);
    expect(output).toMatch(/NOTHING IS PERSISTED/);
    expect(output).toMatch(/data:\s+IN MEMORY: lost on stop/);
    const env = JSON.parse(/\[alpha\] env (\{.*\})/.exec(output)?.[1] ?? '{}');
    expect(env).toMatchObject({ STORE: 'memory', MONGO_URL: null });
    const natsStore = /JetStream data in (\S+)\)/.exec(output)?.[1] ?? '';
    expect(natsStore.startsWith(dir)).toBe(false);
    expect(existsSync(natsStore)).toBe(true);

    run.child.kill('SIGINT');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(existsSync(path.dirname(natsStore))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--reset --yes empties the data directory, then starts', async () => {
    const dir = usedDataDir();
    const port = await freePort();
    const run = runStart(
      [{ name: 'alpha', port }],
      { OPENLINES_DATA_DIR: dir, NATS_URL: 'nats://127.0.0.1:1' },
      ['--reset', '--yes'],
    );
    await run.waitForOutput(/press Ctrl-C to stop/);
    expect(run.output()).toContain(`--reset: ${dir} is empty`);
    expect(readdirSync(dir)).toEqual([]);
    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
  });

  it('--reset without --yes refuses when stdin is not a terminal, deleting and starting nothing', async () => {
    const dir = usedDataDir();
    const run = runStart(
      [{ name: 'alpha', port: await freePort() }],
      { OPENLINES_DATA_DIR: dir, NATS_URL: 'nats://127.0.0.1:1' },
      ['--reset'],
    );
    expect(await run.exit).toEqual({ code: 2, signal: null });
    expect(run.output()).toMatch(/stdin is not one: add --yes to delete without asking/);
    expect(run.output()).not.toMatch(/\[alpha\]/);
    expect(readdirSync(dir).sort()).toEqual(['nats', 'nats-server.log', 'store']);
  });
});

describe('resetDataDir', () => {
  it('asks on the terminal and deletes on y', async () => {
    const dir = usedDataDir();
    const tty = terminal('y\n');
    const done = await reset.resetDataDir({ dataDir: dir, yes: false, ...tty });
    expect(tty.asked()).toContain(`Delete ALL OpenLines data in ${dir}`);
    expect(done).toEqual({ wiped: true });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('deletes nothing on Enter (the default is no) or any other answer', async () => {
    for (const answer of ['\n', 'nope\n']) {
      const dir = usedDataDir();
      const done = await reset.resetDataDir({ dataDir: dir, yes: false, ...terminal(answer) });
      expect(done).toEqual({ wiped: false, reason: 'not confirmed' });
      expect(readdirSync(dir).sort()).toEqual(['nats', 'nats-server.log', 'store']);
    }
  });

  it('does not ask with yes, and has nothing to do for a directory that does not exist', async () => {
    const dir = usedDataDir();
    const input = new PassThrough(); // not a terminal
    await expect(
      reset.resetDataDir({ dataDir: dir, yes: true, input, output: new PassThrough() }),
    ).resolves.toEqual({ wiped: true });
    const missing = path.join(dir, 'never-created');
    await expect(
      reset.resetDataDir({ dataDir: missing, yes: true, input, output: new PassThrough() }),
    ).resolves.toMatchObject({ wiped: false });
  });

  it('refuses a directory holding files OpenLines did not write, deleting nothing', async () => {
    const dir = usedDataDir();
    writeFileSync(path.join(dir, 'thesis.tex'), 'precious');
    await expect(
      reset.resetDataDir({
        dataDir: dir,
        yes: true,
        input: new PassThrough(),
        output: new PassThrough(),
      }),
    ).rejects.toThrow(/also holds thesis\.tex, which OpenLines did not write; nothing deleted/);
    expect(readdirSync(dir).sort()).toEqual(['nats', 'nats-server.log', 'store', 'thesis.tex']);
  });
});
