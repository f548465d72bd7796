// Child processes for tools/start.js: each in its own process group (so that Ctrl-C in the
// terminal reaches it only through start.js, in order), output prefixed, stopped with SIGTERM
// and, after a deadline, SIGKILL.
'use strict';
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { pause } = require('./network');

function startChild(label, command, args, options, complain) {
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  child.label = label;
  // A command that cannot start emits 'error' and never 'exit': count it as exited too.
  child.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      complain(`${label}: ${error.message}`);
      resolve({ code: 127, signal: null });
    });
  });
  return child;
}

function prefixOutput(child, prefix) {
  const pairs = [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ];
  for (const [stream, target] of pairs) {
    readline
      .createInterface({ input: stream })
      .on('line', (line) => target.write(`${prefix} ${line}\n`));
  }
}

function signalGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

async function stopChild(child, timeoutMs, complain) {
  signalGroup(child, 'SIGTERM');
  const outcome = await Promise.race([child.exited, pause(timeoutMs).then(() => undefined)]);
  if (outcome) return;
  complain(`${child.label} did not stop within ${timeoutMs} ms: killing it`);
  signalGroup(child, 'SIGKILL');
  await child.exited;
}

module.exports = { startChild, prefixOutput, signalGroup, stopChild };
