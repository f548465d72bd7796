// `npm start -- --reset`: empties the data directory before the start, after a y/N question on
// the terminal (or at once with --yes). It deletes only what OpenLines writes there, and refuses
// a directory that holds anything else (a mistyped OPENLINES_DATA_DIR must not cost a home dir).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

/** What tools/start.js and the services write in the data directory. */
const OWN_ENTRIES = ['nats', 'nats-server.log', 'store'];

/** Asks on a terminal; Enter, Ctrl-C and Ctrl-D all answer no. */
function ask(question, input, output) {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input, output, terminal: Boolean(output.isTTY) });
    let answered = false;
    const finish = (answer) => {
      if (answered) return;
      answered = true;
      rl.close();
      resolve(answer);
    };
    rl.on('SIGINT', () => {
      output.write('\n');
      finish('');
    });
    rl.on('close', () => finish(''));
    rl.question(question, finish);
  });
}

/**
 * Resolves { wiped: true } once the data directory is empty, { wiped: false, reason } when
 * there was nothing to delete or the answer was not yes; rejects (nothing deleted) when stdin
 * is not a terminal and `yes` is not given, or when the directory holds foreign files.
 */
async function resetDataDir({ dataDir, yes, input, output }) {
  if (!fs.existsSync(dataDir)) return { wiped: false, reason: `${dataDir} does not exist yet` };
  const entries = fs.readdirSync(dataDir);
  const foreign = entries.filter((name) => !OWN_ENTRIES.includes(name));
  if (foreign.length > 0) {
    throw new Error(
      `--reset: ${dataDir} also holds ${foreign.join(', ')}, which OpenLines did not write; ` +
        'nothing deleted (is OPENLINES_DATA_DIR right? delete it yourself if it is)',
    );
  }
  if (!yes) {
    if (!input.isTTY) {
      throw new Error(
        `--reset deletes every line, channel, client, session, message and metric in ${dataDir} ` +
          'and asks first on a terminal, but stdin is not one: add --yes to delete without asking',
      );
    }
    const question =
      `Delete ALL OpenLines data in ${dataDir} (lines, channels, clients, sessions, messages, ` +
      'metrics, NATS streams)? [y/N] ';
    const answer = await ask(question, input, output);
    if (!/^(y|yes)$/i.test(answer.trim())) return { wiped: false, reason: 'not confirmed' };
  }
  for (const name of entries) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  return { wiped: true };
}

/** tools/start.js's --reset: empty, or end the process (not confirmed: 1; refused: 2). */
async function resetBeforeStart({ dataDir, yes, mode, say, complain }) {
  if (mode === 'mongo')
    say('--reset empties the local data directory only: MongoDB is not touched');
  let done;
  try {
    done = await resetDataDir({ dataDir, yes, input: process.stdin, output: process.stdout });
  } catch (error) {
    complain(error.message);
    process.exit(2);
  }
  if (done.wiped) return say(`--reset: ${dataDir} is empty`);
  if (done.reason === 'not confirmed') {
    complain('--reset not confirmed: nothing deleted, nothing started');
    process.exit(1);
  }
  say(`--reset: ${done.reason}: nothing to delete`);
}

module.exports = { resetDataDir, resetBeforeStart, OWN_ENTRIES };
