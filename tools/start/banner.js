// What tools/start.js prints about the running system: where the data lives, the URLs, the key.
'use strict';

/** One line on the store of this run (mode: see options.js storeMode). */
function dataLine(mode, dataDir) {
  if (mode === 'mongo') return 'MongoDB (MONGO_URL), one database per service';
  if (mode === 'memory') return 'IN MEMORY: lost on stop (--in-memory)';
  return `${dataDir} (kept across restarts; \`npm start -- --reset\` empties it)`;
}

/** The loud warning of a run whose data is lost on stop (memory mode only). */
function inMemoryWarning(natsIsOurs) {
  const lines = [
    `--in-memory: every service keeps its data IN MEMORY${natsIsOurs ? ', nats-server a temporary store' : ''}.`,
    'NOTHING IS PERSISTED: lines, channels, clients, sessions and metrics are lost on stop.',
    'Run npm start without --in-memory to keep them (in .data/), or set MONGO_URL.',
  ];
  if (!natsIsOurs) lines.push("NATS_URL is set: that server's streams outlive this run.");
  const rule = '='.repeat(Math.max(...lines.map((line) => line.length)) + 4);
  return `\n${rule}\n${lines.map((line) => `  ${line}`).join('\n')}\n${rule}\n\n`;
}

/** The lines printed once every service is ready. */
function runningLines({ services, natsUrl, apiKey, mode, dataDir }) {
  const gateway = services.find((service) => service.name === 'gateway');
  const channels = services.find((service) => service.name === 'channels');
  const lines = ['OpenLines is running'];
  if (gateway) lines.push(`  API (gateway):         http://127.0.0.1:${gateway.port}`);
  if (channels)
    lines.push(`  webhooks (channels):   http://127.0.0.1:${channels.port}/webhooks/...`);
  for (const service of services.filter((s) => s !== gateway && s !== channels)) {
    lines.push(`  ${service.name}: http://127.0.0.1:${service.port}`);
  }
  lines.push(
    apiKey ? `  API key (this run):    ${apiKey}` : '  API keys:              from API_KEYS',
  );
  lines.push(`  NATS:                  ${natsUrl}`);
  lines.push(`  data:                  ${dataLine(mode, dataDir)}`);
  lines.push('press Ctrl-C to stop');
  return lines;
}

module.exports = { dataLine, inMemoryWarning, runningLines };
