import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// The packer is a build tool of the workspace (tools/), not a library.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { packSdk } = require('../../../tools/pack-sdk.js') as {
  packSdk(outDir: string): Promise<string>;
};

describe('@openlines/sdk as a standalone package', () => {
  let outDir: string;

  beforeAll(async () => {
    // Inside the repository, so the bundle resolves its third-party dependencies from the
    // workspace's node_modules as an installed package would from its own.
    const distDir = path.join(__dirname, '..', '..', '..', 'dist');
    mkdirSync(distDir, { recursive: true });
    outDir = await packSdk(mkdtempSync(path.join(distDir, 'sdk-package-spec-')));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has a manifest named @openlines/sdk whose dependencies are third-party packages only', () => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('@openlines/sdk');
    expect(manifest.main).toBe('index.js');
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['nats', 'zod']));
    expect(Object.keys(manifest.dependencies).some((name) => name.startsWith('@openlines/'))).toBe(
      false,
    );
  });

  it('loads on its own and offers the client factory and the spec enums', () => {
    // Resolved from the bundle's folder: only third-party packages (found in node_modules).
    const bundle = readFileSync(path.join(outDir, 'index.js'), 'utf8');
    expect(bundle).not.toMatch(/require\("@openlines\//);
    const sdk = jest.requireActual(path.join(outDir, 'index.js'));
    expect(typeof sdk.createLinesClient).toBe('function');
    expect(sdk.LineSessionState.Closed).toBe('Closed');
    expect(sdk.LineChannelType.telegramBot).toBe('telegramBot');
    const client = sdk.createLinesClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' });
    expect(Object.keys(client)).toEqual(
      expect.arrayContaining(['lines', 'channels', 'clients', 'sessions', 'messages', 'metrics']),
    );
  });
});
