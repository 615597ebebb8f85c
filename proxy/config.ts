import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type JournalConfig, loadJournalConfig } from './journal/config';

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
  insecureTls: boolean;
  credentials?: { user: string; password: string };
}

export interface ProxyConfig {
  host: string;
  port: number;
  /** null: the mock CMS runs in this process */
  targets: Target[] | null;
  timeoutMs: number;
  /** extra Host header values to accept (a reverse proxy in front, a DNS name) */
  allowedHosts: string[];
  /** where the change journal lives: a SQLite file in STUDIO_DATA_DIR, or PostgreSQL (DATABASE_URL) */
  journal: JournalConfig;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function loadCa(file: string | undefined, label: string): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${label}: cannot read the CA file ${file} (${(error as Error).message}).`);
  }
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
  const timeoutMs = Number(env.CMS_TIMEOUT_MS ?? 30_000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new ConfigError(`CMS_TIMEOUT_MS must be a positive number of ms.`);
  const base = {
    host: env.HOST ?? '127.0.0.1',
    port,
    timeoutMs,
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
        insecureTls: env.CMS_INSECURE_TLS === '1',
        ...(ca ? { ca, caFile: env.CMS_CA_FILE } : {}),
        ...(credentials ? { credentials } : {}),
      },
    ],
  };
}
