import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type JournalConfig, loadJournalConfig } from './journal/config';
import { readCaFile } from './ca-file';

const url = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must start with https:// or http://')
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), 'must not contain a user name or password; use CMS_USER/CMS_PASSWORD')
  .transform((u) => u.replace(/\/+$/, ''));

const targetSchema = z.object({
  url,
  caFile: z.string().min(1).optional(),
  insecureTls: z.boolean().optional(),
  user: z.string().min(1).optional(),
  password: z.string().optional(),
});

const targetsFileSchema = z
  .record(z.string().regex(/^[\w.-]{1,64}$/, 'target names are letters, digits, . _ -'), targetSchema)
  .refine((t) => Object.keys(t).length > 0, 'the targets file names no target');

export interface Target {
  name: string;
  url: string;
  ca?: string;
  caFile?: string;
  /** the setting that names the CA file, for messages: CMS_CA_FILE, or the target's caFile in CMS_TARGETS */
  caSetting: string;
  insecureTls: boolean;
  credentials?: { user: string; password: string };
}

/** How long the proxy waits, and for how much, on CMS and on browsers. */
export interface ProxyLimits {
  /** CMS: for the answer's headers, and between two pieces of its body (CMS_TIMEOUT_MS) */
  timeoutMs: number;
  /** CMS: for the whole answer, however steadily it trickles (CMS_DEADLINE_MS) */
  deadlineMs: number;
  /** CMS: the largest answer passed on (CMS_MAX_ANSWER_BYTES) */
  maxAnswerBytes: number;
  /** browser: for a request's headers, like nginx's client_header_timeout (CLIENT_HEADER_TIMEOUT_MS) */
  clientHeaderTimeoutMs: number;
  /** browser: between two pieces of a request body, like nginx's client_body_timeout (CLIENT_BODY_TIMEOUT_MS) */
  clientBodyTimeoutMs: number;
  /** browser: for the whole request, headers and body (CLIENT_REQUEST_TIMEOUT_MS) */
  clientRequestTimeoutMs: number;
}

export interface ProxyConfig extends ProxyLimits {
  host: string;
  port: number;
  /** null: the mock CMS runs in this process */
  targets: Target[] | null;
  /** extra Host header values to accept (a reverse proxy in front, a DNS name) */
  allowedHosts: string[];
  /** where the change journal lives: a SQLite file in STUDIO_DATA_DIR, or PostgreSQL (DATABASE_URL) */
  journal: JournalConfig;
}

export const DEFAULT_LIMITS: ProxyLimits = {
  timeoutMs: 30_000,
  deadlineMs: 120_000,
  // A CMS page is at most 20 objects, a few kB each; 8 MiB is a thousand times that.
  maxAnswerBytes: 8 * 1024 * 1024,
  clientHeaderTimeoutMs: 20_000,
  clientBodyTimeoutMs: 20_000,
  clientRequestTimeoutMs: 60_000,
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function loadCa(file: string | undefined, label: string): string | undefined {
  if (!file) return undefined;
  const result = readCaFile(file);
  if (!result.ok) throw new ConfigError(`${label}: ${result.reason}`);
  return result.pem;
}

function positive(env: NodeJS.ProcessEnv, name: keyof typeof LIMIT_VARIABLES): number {
  const key = LIMIT_VARIABLES[name];
  const text = env[key];
  if (text === undefined || text.trim() === '') return DEFAULT_LIMITS[name];
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${key} must be a positive number, got "${text}".`);
  return value;
}

const LIMIT_VARIABLES: Record<keyof ProxyLimits, string> = {
  timeoutMs: 'CMS_TIMEOUT_MS',
  deadlineMs: 'CMS_DEADLINE_MS',
  maxAnswerBytes: 'CMS_MAX_ANSWER_BYTES',
  clientHeaderTimeoutMs: 'CLIENT_HEADER_TIMEOUT_MS',
  clientBodyTimeoutMs: 'CLIENT_BODY_TIMEOUT_MS',
  clientRequestTimeoutMs: 'CLIENT_REQUEST_TIMEOUT_MS',
};

function loadLimits(env: NodeJS.ProcessEnv): ProxyLimits {
  const limits: ProxyLimits = {
    timeoutMs: positive(env, 'timeoutMs'),
    deadlineMs: positive(env, 'deadlineMs'),
    maxAnswerBytes: positive(env, 'maxAnswerBytes'),
    clientHeaderTimeoutMs: positive(env, 'clientHeaderTimeoutMs'),
    clientBodyTimeoutMs: positive(env, 'clientBodyTimeoutMs'),
    clientRequestTimeoutMs: positive(env, 'clientRequestTimeoutMs'),
  };
  if (limits.clientHeaderTimeoutMs > limits.clientRequestTimeoutMs) {
    throw new ConfigError('CLIENT_HEADER_TIMEOUT_MS must not exceed CLIENT_REQUEST_TIMEOUT_MS.');
  }
  return limits;
}

function credentialsFrom(user: string | undefined, password: string | undefined, label: string) {
  if (user === undefined && password === undefined) return undefined;
  if (!user || password === undefined) throw new ConfigError(`${label}: set both the user and the password, or neither.`);
  return { user, password };
}

function journalConfig(env: NodeJS.ProcessEnv): JournalConfig {
  try {
    return loadJournalConfig(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** Reads the environment of `npm start`; every mistake is a sentence that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ProxyConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  const base = {
    host: env.HOST ?? '127.0.0.1',
    port,
    ...loadLimits(env),
    allowedHosts: (env.ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    journal: journalConfig(env),
  };

  if (env.CMS_TARGETS) {
    if (env.CMS_URL) throw new ConfigError('Set CMS_URL or CMS_TARGETS, not both.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(env.CMS_TARGETS, 'utf8'));
    } catch (error) {
      throw new ConfigError(`CMS_TARGETS: cannot read ${env.CMS_TARGETS} as JSON (${(error as Error).message}).`);
    }
    const result = targetsFileSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ConfigError(`CMS_TARGETS: ${issue?.path.join('.') || 'file'}: ${issue?.message}`);
    }
    const targets = Object.entries(result.data).map(([name, t]): Target => {
      const ca = loadCa(t.caFile, `CMS_TARGETS ${name}`);
      const credentials = credentialsFrom(t.user, t.password, `CMS_TARGETS ${name}`);
      return {
        name,
        url: t.url,
        caSetting: `the caFile of "${name}" in CMS_TARGETS`,
        insecureTls: t.insecureTls ?? false,
        ...(ca ? { ca, caFile: t.caFile } : {}),
        ...(credentials ? { credentials } : {}),
      };
    });
    return { ...base, targets };
  }

  if (!env.CMS_URL) return { ...base, targets: null };
  const parsedUrl = url.safeParse(env.CMS_URL);
  if (!parsedUrl.success) throw new ConfigError(`CMS_URL ${parsedUrl.error.issues[0]?.message ?? 'is not a URL'}.`);
  const ca = loadCa(env.CMS_CA_FILE, 'CMS_CA_FILE');
  const credentials = credentialsFrom(env.CMS_USER, env.CMS_PASSWORD, 'CMS_USER/CMS_PASSWORD');
  return {
    ...base,
    targets: [
      {
        name: 'default',
        url: parsedUrl.data,
        caSetting: 'CMS_CA_FILE',
        insecureTls: env.CMS_INSECURE_TLS === '1',
        ...(ca ? { ca, caFile: env.CMS_CA_FILE } : {}),
        ...(credentials ? { credentials } : {}),
      },
    ],
  };
}
