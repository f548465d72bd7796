// tools/start.js's command line (`npm start -- <flags>`) and what the flags mean for the store.
'use strict';

const USAGE = `usage: npm start [-- flags]          (the same: node tools/start.js [flags])

Runs every OpenLines service on this machine, each in its own process, and nats-server unless
NATS_URL is set. The data lives in MongoDB when MONGO_URL is set; otherwise in the embedded,
durable store under OPENLINES_DATA_DIR (default: .data/ in the repository; SQLite files in
store/, NATS's streams in nats/), kept across stops, restarts and crashes.

  --in-memory   a throw-away run: the services keep everything in memory (STORE=memory) and
                nats-server uses a temporary store; nothing is left after the stop
  --reset       delete everything in the data directory first (asks y/N on the terminal)
  --yes, -y     with --reset: delete without asking (needed when stdin is not a terminal)
  --help, -h    print this and exit

Environment: NATS_URL (and NATS_USER/NATS_PASSWORD, NATS_TOKEN, NATS_CREDS_FILE), MONGO_URL,
API_KEYS (else a key is generated for the run and printed), OPENLINES_DATA_DIR, LOG_LEVEL.
`;

const FLAGS = {
  '--in-memory': 'inMemory',
  '--reset': 'reset',
  '--yes': 'yes',
  '-y': 'yes',
  '--help': 'help',
  '-h': 'help',
};

/** The flags of argv (without node and the script); throws naming an unknown one. */
function parseFlags(argv) {
  const flags = { inMemory: false, reset: false, yes: false, help: false };
  for (const arg of argv) {
    const name = FLAGS[arg];
    if (name === undefined) throw new Error(`unknown option ${JSON.stringify(arg)} (see --help)`);
    flags[name] = true;
  }
  if (flags.yes && !flags.reset) throw new Error('--yes only goes with --reset');
  return flags;
}

/**
 * Where the services keep their data this run: 'mongo' (MONGO_URL), 'memory' (--in-memory or
 * STORE=memory) or 'sqlite' (the durable default). Throws when MONGO_URL and --in-memory clash.
 */
function storeMode(env, flags) {
  const mongo = Boolean(env.MONGO_URL && env.MONGO_URL.trim());
  const memory = flags.inMemory || env.STORE === 'memory';
  if (mongo && flags.inMemory) {
    throw new Error(
      '--in-memory and MONGO_URL contradict each other: unset MONGO_URL for a throw-away run',
    );
  }
  return mongo ? 'mongo' : memory ? 'memory' : 'sqlite';
}

/** The flags and the store mode, or the process ends here: --help (0), a bad command line (2). */
function readCommandLine(argv, env, complain) {
  try {
    const flags = parseFlags(argv);
    if (flags.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    return { flags, mode: storeMode(env, flags) };
  } catch (error) {
    complain(error.message);
    process.exit(2);
  }
}

module.exports = { USAGE, parseFlags, storeMode, readCommandLine };
