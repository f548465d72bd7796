// e2e global setup: the shared nats-server (unless NATS_URL is set), then `npm run build`, since
// the suite runs the compiled services exactly as `node tools/run-service.js <name>` does.
// OPENLINES_E2E_SKIP_BUILD=1 skips the build (dist/ already fresh).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const natsSetup = require('../../libs/testing/src/jest/global-setup');

module.exports = async function e2eGlobalSetup() {
  await natsSetup();
  if (process.env.OPENLINES_E2E_SKIP_BUILD === '1') return;
  const root = path.join(__dirname, '..', '..');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(
      `npm run build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`,
    );
  }
};
