#!/usr/bin/env node
// A whole conversation against a running system (`npm start`), through the SDK over HTTP:
// a line with automatic routing, an online operator, a web live-chat channel, a visitor's
// message, the routed session, the operator's reply (read back as the visitor), close, metrics.
// It can run again and again against the same (durable) system: each run has its own line,
// operator group and operator, and takes its operator offline at the end, so the sessions of a
// run are never routed to an operator that an earlier run left behind.
//
//   OPENLINES_API_KEY=<key printed by npm start> node examples/quickstart.js
//
// Env: OPENLINES_URL (gateway, default http://127.0.0.1:8080), OPENLINES_CHANNELS_URL (webhooks,
// default http://127.0.0.1:3001). Needs `npm run build` (npm start does it).
require('../tools/register-paths');
const { randomBytes } = require('node:crypto');
const { createLinesClient, LineChannelType, LineSessionState } = require('@openlines/sdk');

const baseUrl = process.env.OPENLINES_URL ?? 'http://127.0.0.1:8080';
const channelsUrl = process.env.OPENLINES_CHANNELS_URL ?? 'http://127.0.0.1:3001';
const apiKey = process.env.OPENLINES_API_KEY;
if (!apiKey) {
  process.stderr.write('set OPENLINES_API_KEY to the key that `npm start` printed\n');
  process.exit(2);
}

const say = (text) => process.stdout.write(`${text}\n`);
async function eventually(what, probe, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main() {
  const run = randomBytes(3).toString('hex');
  const operatorId = `olga-${run}`;
  const group = `support-${run}`;
  const lines = createLinesClient({ baseUrl, apiKey, actor: { type: 'operator', id: operatorId } });

  const line = await lines.lines.create({
    __name: `Support ${run}`,
    _operatorGroups: [group],
    _distribution: 'auto',
  });
  await lines.operators.upsert(operatorId, [group], 'Olga');
  await lines.operators.setStatus(operatorId, 'online');
  try {
    await converse(lines, line, run, operatorId);
  } finally {
    // End of the shift: an operator left online would keep receiving sessions.
    await lines.operators.setStatus(operatorId, 'offline');
    say(`operator ${operatorId} offline`);
    await lines.close();
  }
}

async function converse(lines, line, run, operatorId) {
  const publicKey = `site-${run}-key`;
  await lines.channels.create({
    __name: 'Web chat',
    _line: line.id,
    _type: LineChannelType.livechat,
    _settings: { publicKey },
  });
  say(`line "${line.data.__name}" with a live chat; operator ${operatorId} online`);

  // The visitor writes from the web widget.
  const visitorToken = `visitor-${run}-${randomBytes(8).toString('hex')}`;
  const widget = `${channelsUrl}/webhooks/livechat/${publicKey}/messages`;
  const posted = await fetch(widget, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ visitorToken, text: 'Hi, where is my order?', messageId: `m-${run}` }),
  });
  if (!posted.ok) throw new Error(`widget post failed: ${posted.status} ${await posted.text()}`);

  // The spec's way to find the session.
  const session = await eventually('the routed session', () =>
    lines.sessions
      .search()
      .where((f, g) =>
        g.and(
          f.__deletedAt.eq(null),
          f._line.eq(line),
          f._state.eq(LineSessionState.AssignedToOperator),
        ),
      )
      .first(),
  );
  say(`session ${session.id}: ${session.data._state}, operator ${session.data._userId}`);
  say(`customer wrote: "${(await session.getLastMessage()).data.body}"`);

  await session.sendMessage('Hello! It ships today.');
  const replies = await eventually('the reply in the widget', async () => {
    const polled = await fetch(`${widget}?visitorToken=${encodeURIComponent(visitorToken)}`);
    const { messages } = await polled.json();
    return messages.length > 0 ? messages : undefined;
  });
  say(`visitor sees: "${replies[0].text}"`);

  await session.close();
  say(`session ${session.data._state}`);
  const created = await eventually('the metrics', async () => {
    const report = await lines.metrics.report({
      lineId: line.id,
      period: 'day',
      from: new Date(Date.now() - 86400000).toISOString(),
      to: new Date(Date.now() + 86400000).toISOString(),
    });
    const item = report.totals.find((t) => t.type === 'firstResponseTime');
    return item && item.count > 0 ? item : undefined;
  });
  say(`metrics: first response time ${created.avg}s over ${created.count} session(s)`);
}

main().catch((error) => {
  process.stderr.write(`${error.code ? `${error.code}: ` : ''}${error.message}\n`);
  process.exit(1);
});
