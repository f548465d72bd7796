import { SeededRandom } from './seeded-random';

/** One raw NATS payload for an RPC subject, and what kind of garbage (or not) it is. */
export interface FuzzFrame {
  kind: string;
  data: Uint8Array;
}

const encoder = new TextEncoder();
const text = (value: string): Uint8Array => encoder.encode(value);

/** Field names of the RPC contracts, so that random objects sometimes look almost right. */
const KEYS = [
  ...'id sessionId channelId lineId clientId operatorId groupId messageId data filter'.split(' '),
  ...'size from sort actor account reason body type __name _line _type _settings _state'.split(' '),
  ...['__proto__', 'constructor', '$where'],
];
const NOT_JSON = [
  'this is not json',
  'undefined',
  'NaN',
  '{',
  '}',
  '[',
  "{'id':1}",
  '{"id":}',
  'nul',
  '0x10',
  '{"pattern":"x","data":{},"id":"1"}}',
  '\u0000',
  '\uFEFF{}',
  '1e99999',
];

/** A JSON value at most `depth` levels deep. */
export function randomJson(random: SeededRandom, depth: number): unknown {
  const kind = random.int(0, depth > 0 ? 8 : 5);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, random.int(-1e6, 1e6)]);
    case 3:
      return random.text(random.int(0, 40));
    case 4:
      return random.pick(['', 'x'.repeat(random.int(1000, 20_000)), '2024-02-30T25:00:00Z']);
    case 5:
      return random.pick(KEYS);
    case 6:
      return Array.from({ length: random.int(0, 5) }, () => randomJson(random, depth - 1));
    default: {
      const entries = Array.from({ length: random.int(0, 6) }, () => [
        random.chance(0.8) ? random.pick(KEYS) : random.text(random.int(1, 12)),
        randomJson(random, depth - 1),
      ]);
      return Object.fromEntries(entries);
    }
  }
}

/** JSON text nested `levels` deep (built as text: JSON.stringify overflows on such values). */
function nested(random: SeededRandom, levels: number): string {
  const leaf = '{"field":"__name","op":"eq","value":"x"}';
  const [open, close, inner] = random.pick([
    ['{"not":', '}', leaf],
    ['{"and":[', ']}', leaf],
    ['[', ']', '1'],
    ['{"a":', '}', 'null'],
  ]);
  return `${open.repeat(levels)}${inner}${close.repeat(levels)}`;
}

function packet(subject: string, data: unknown, random: SeededRandom): Record<string, unknown> {
  return { pattern: subject, data, id: `fuzz-${random.int(0, 1e9)}` };
}

const GENERATORS: Record<string, (random: SeededRandom, subject: string) => Uint8Array> = {
  empty: () => new Uint8Array(),
  'random bytes': (random) => random.bytes(random.int(1, 300)),
  'non-JSON text': (random) =>
    text(random.chance(0.5) ? random.pick(NOT_JSON) : random.text(random.int(1, 200))),
  'truncated JSON': (random, subject) => {
    const whole = JSON.stringify(packet(subject, randomJson(random, 3), random));
    return text(whole.slice(0, random.int(1, whole.length - 1)));
  },
  'wrong shape': (random, subject) => {
    const good = packet(subject, randomJson(random, 2), random);
    const shapes: unknown[] = [
      null,
      42,
      'hello',
      true,
      [],
      [good],
      randomJson(random, 3),
      { ...good, id: undefined },
      { ...good, pattern: undefined },
      { ...good, data: undefined },
      { ...good, id: random.pick([0, '', {}, [], null, true]) },
      { ...good, pattern: random.pick([7, null, {}, ['a']]) },
      { ...good, isDisposed: true, err: 'boom' },
    ];
    return text(JSON.stringify(random.pick(shapes)) ?? 'null');
  },
  'huge nesting': (random, subject) => {
    const deep = nested(random, random.int(1_000, 60_000));
    const { id } = packet(subject, null, random);
    return text(
      random.pick([
        `{"pattern":"${subject}","id":"${id}","data":{"filter":${deep},"size":1}}`,
        `{"pattern":"${subject}","id":"${id}","data":${deep}}`,
        `{"pattern":"${subject}","id":"${id}","data":{"id":"x","data":{"_settings":${deep}}}}`,
        deep,
      ]),
    );
  },
  'Nest packet, random data': (random, subject) =>
    text(JSON.stringify(packet(subject, randomJson(random, random.int(0, 5)), random))),
};
export const FRAME_KINDS = Object.keys(GENERATORS);

/** A frame of the given kind (or a random one) for `subject` (the prefixed subject). */
export function fuzzFrame(random: SeededRandom, subject: string, kind?: string): FuzzFrame {
  const chosen = kind ?? random.pick(FRAME_KINDS);
  return { kind: chosen, data: GENERATORS[chosen](random, subject) };
}
