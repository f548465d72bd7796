// The root Dockerfile: lint-clean, the four stages in order, one image per service selected by
// ARG APP, a non-root runtime with a health check and `node tools/run-service.js $APP`, and COPY
// sources that exist and are inside the build context that .dockerignore leaves.
import ignore from '@balena/dockerignore';
import { DockerfileParser, Flag, Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, loadServicesFile } from './support/services-contract';

const contract = loadServicesFile();
const text = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(text);
const instructions = dockerfile.getInstructions();
const context = ignore().add(
  readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n'),
);

/** The instructions of one build stage, from its FROM up to the next FROM. */
function stage(name: string): Instruction[] {
  const froms = dockerfile.getFROMs();
  const index = froms.findIndex((from) => from.getBuildStage() === name);
  if (index < 0) throw new Error(`no stage ${name}`);
  const start = instructions.indexOf(froms[index]);
  const end =
    index + 1 < froms.length ? instructions.indexOf(froms[index + 1]) : instructions.length;
  return instructions.slice(start + 1, end);
}

/** Each instruction's flags and arguments as written, e.g. `--from=build /app/dist ./dist`. */
function lines(of: Instruction[], keyword: string): string[] {
  return of
    .filter((instruction) => instruction.getKeyword() === keyword)
    .map((instruction) => {
      const flags =
        'getFlags' in instruction
          ? (instruction as Instruction & { getFlags(): Flag[] }).getFlags()
          : [];
      const flagText = flags.map((flag) => `--${flag.getName()}=${flag.getValue()} `).join('');
      return `${flagText}${instruction.getArgumentsContent() ?? ''}`;
    });
}

describe('Dockerfile', () => {
  it('has no syntax problems (dockerfile-utils validation)', () => {
    expect(
      validate(text).map(
        (diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`,
      ),
    ).toEqual([]);
  });

  it('builds in four stages from node:20-bookworm-slim: deps, build, prod-deps, runtime', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.map((from) => from.getBuildStage())).toEqual([
      'deps',
      'build',
      'prod-deps',
      'runtime',
    ]);
    expect(froms.map((from) => from.getImageName())).toEqual([
      '${NODE_IMAGE}',
      'deps',
      '${NODE_IMAGE}',
      '${NODE_IMAGE}',
    ]);
    expect(lines(dockerfile.getInitialARGs(), 'ARG')).toEqual(['NODE_IMAGE=node:20-bookworm-slim']);
    const npmCache = '--mount=type=cache,target=/root/.npm';
    expect(lines(stage('deps'), 'RUN')).toEqual([`${npmCache} npm ci --no-audit --no-fund`]);
    expect(lines(stage('build'), 'RUN')).toEqual(['npm run build']);
    expect(lines(stage('prod-deps'), 'RUN')).toEqual([
      `${npmCache} npm ci --omit=dev --no-audit --no-fund`,
    ]);
  });

  it('selects the service with ARG APP, and refuses any other name than the contract services', () => {
    const runtime = stage('runtime');
    expect(lines(runtime, 'ARG')).toEqual(['APP']);
    expect(lines(runtime, 'ENV').join(' ')).toMatch(/APP=\$\{APP\}/);
    const guard = lines(runtime, 'RUN')[0];
    const allowed = /case "\$APP" in\s+([a-z|]+)\)/.exec(guard)?.[1].split('|');
    expect(allowed).toEqual(contract.services.map((service) => service.name));
  });

  it('ships only production packages, the compiled libs and this app, and the run scripts', () => {
    const copies = lines(stage('runtime'), 'COPY');
    expect(copies).toEqual([
      'package.json ./',
      '--from=prod-deps /app/node_modules ./node_modules',
      '--from=build /app/dist/libs ./dist/libs',
      '--from=build /app/dist/apps/${APP} ./dist/apps/${APP}',
      'tools/register-paths.js tools/run-service.js ./tools/',
      'deploy/services.json ./deploy/services.json',
      'deploy/docker/healthcheck.js ./deploy/docker/healthcheck.js',
    ]);
    // tsconfig.build.json must emit into dist/ where run-service.js looks for apps/<name>/src/main.js.
    const buildConfig = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'tsconfig.build.json'), 'utf8'),
    );
    expect(buildConfig.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.' });
  });

  it('runs as a numeric non-root user, checks /healthz and starts node as PID 1', () => {
    const runtime = stage('runtime');
    const [user] = lines(runtime, 'USER');
    expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(lines(runtime, 'HEALTHCHECK')[0]).toMatch(
      /CMD \["node", "deploy\/docker\/healthcheck.js", "\/healthz"\]$/,
    );
    const cmd = JSON.parse(lines(runtime, 'CMD')[0]) as string[];
    expect(cmd).toEqual(['sh', '-c', 'exec node tools/run-service.js "$APP"']);
    expect(dockerfile.getENTRYPOINTs()).toEqual([]);
  });

  it('copies only sources that exist and that .dockerignore keeps in the build context', () => {
    const sources = dockerfile
      .getCOPYs()
      .filter((copy) => !copy.getFromFlag())
      .flatMap((copy) =>
        copy
          .getArguments()
          .slice(0, -1)
          .map((argument) => argument.getValue()),
      );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect({ source, exists: existsSync(path.join(REPO_ROOT, source)) }).toEqual({
        source,
        exists: true,
      });
      expect({ source, ignored: context.ignores(source) }).toEqual({ source, ignored: false });
    }
  });

  it('keeps local artefacts, tests and secrets out of the build context', () => {
    const excluded = [
      'node_modules/nats/index.js',
      'apps/sessions/node_modules/x/index.js',
      'dist/apps/sessions/src/main.js',
      '.git/HEAD',
      '.data/nats/jetstream',
      'deploy/overlays/production/secrets.env',
      'deploy/overlays/production/mongodb.env',
      'apps/sessions/src/sessions.module.spec.ts',
    ];
    expect(excluded.filter((file) => !context.ignores(file))).toEqual([]);
    expect(context.ignores('apps/sessions/src/main.ts')).toBe(false);
    expect(context.ignores('libs/contracts/src/index.ts')).toBe(false);
  });
});
