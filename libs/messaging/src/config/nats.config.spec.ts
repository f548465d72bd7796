import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, OpenLinesError } from '@openlines/contracts';
import { DEFAULT_NATS_URL, natsConfigFromEnv, prefixedSubject } from './nats.config';

function failure(env: NodeJS.ProcessEnv): OpenLinesError {
  try {
    natsConfigFromEnv(env);
  } catch (error) {
    if (error instanceof OpenLinesError) return error;
    throw error;
  }
  throw new Error('expected natsConfigFromEnv to throw');
}

describe('natsConfigFromEnv', () => {
  it('defaults to the local server', () => {
    expect(natsConfigFromEnv({})).toEqual({ servers: [DEFAULT_NATS_URL] });
    expect(natsConfigFromEnv({ NATS_URL: '  ' })).toEqual({ servers: [DEFAULT_NATS_URL] });
  });

  it('reads a comma separated server list and user/password', () => {
    expect(
      natsConfigFromEnv({
        NATS_URL: 'nats://a:4222, tls://b.example:4443,c:4222',
        NATS_USER: 'svc',
        NATS_PASSWORD: 'pw',
        NATS_SUBJECT_PREFIX: 'dev.anna',
      }),
    ).toEqual({
      servers: ['nats://a:4222', 'tls://b.example:4443', 'c:4222'],
      user: 'svc',
      password: 'pw',
      subjectPrefix: 'dev.anna',
    });
  });

  it('reads a token or a readable creds file', () => {
    expect(natsConfigFromEnv({ NATS_TOKEN: 's3cret' })).toEqual({
      servers: [DEFAULT_NATS_URL],
      token: 's3cret',
    });
    const dir = mkdtempSync(join(tmpdir(), 'openlines-creds-'));
    try {
      const creds = join(dir, 'user.creds');
      writeFileSync(creds, 'creds');
      expect(natsConfigFromEnv({ NATS_CREDS_FILE: creds }).credsFile).toBe(creds);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails fast naming each bad variable', () => {
    const error = failure({
      NATS_URL: 'http://x:1,nats://ok:4222',
      NATS_USER: 'svc',
      NATS_CREDS_FILE: '/nope/missing.creds',
      NATS_SUBJECT_PREFIX: 'a.*',
    });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toMatch(/^invalid NATS configuration: /);
    expect(error.message).toContain('NATS_URL.0: expected nats://host:port');
    expect(error.message).toContain('NATS_CREDS_FILE: file not found or not readable');
    expect(error.message).toContain('NATS_SUBJECT_PREFIX');
    expect(failure({ NATS_USER: 'svc' }).message).toContain(
      'NATS_PASSWORD: NATS_USER and NATS_PASSWORD go together',
    );
    expect(failure({ NATS_TOKEN: 't', NATS_USER: 'u', NATS_PASSWORD: 'p' }).message).toContain(
      'use one of NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_CREDS_FILE',
    );
  });

  it('prefixes RPC subjects only when configured', () => {
    expect(prefixedSubject('lines.sessions.create', undefined)).toBe('lines.sessions.create');
    expect(prefixedSubject('lines.sessions.create', 't1')).toBe('t1.lines.sessions.create');
  });
});
