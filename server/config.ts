// The only reader of process.env. Everything is validated once, at start, and frozen:
// a wrong value stops the process with a message that names the variable.
import { isIP } from 'node:net';
import path from 'node:path';
import Joi from 'joi';
import dotenv from 'dotenv';

// ENV_FILE names the file of settings to load (default `.env`); an empty value loads none. Variables already set in
// the environment always win. The test suite sets it empty, so a developer's .env never changes what tests see.
const envFile = process.env.ENV_FILE ?? '.env';
if (envFile) dotenv.config({ path: envFile, quiet: true });

// Waitlist priority: points per factor and the income ceiling (local currency per household member per month).
// Any key left out keeps its default from modules/beneficiaries/beneficiaries.priority.ts (docs/priority-score.md).
const PRIORITY_KEYS = ['incomePerMember', 'householdSize', 'schoolChildren', 'daysWaiting', 'partnerReferral'] as const;
export type PriorityWeightKey = (typeof PRIORITY_KEYS)[number] | 'incomeCeilingPerMember';
const priorityWeightsSchema = Joi.object<Partial<Record<PriorityWeightKey, number>>>({
  ...Object.fromEntries(PRIORITY_KEYS.map((k) => [k, Joi.number().min(0).max(1000)])),
  incomeCeilingPerMember: Joi.number().positive(),
});
const priorityWeightsJson = Joi.string()
  .allow('')
  .custom((text: string, helpers) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return helpers.message({ custom: '{{#label}} must be a JSON object, e.g. {"daysWaiting":20}' });
    }
    const { value, error } = priorityWeightsSchema.validate(parsed, { convert: false });
    return error ? helpers.message({ custom: `{{#label}}: ${error.message.replace(/"/g, '')}` }) : value;
  });

// TRUST_PROXY as Express's `trust proxy` takes it: true/false, a hop count, or addresses and subnets (and the names
// loopback, linklocal, uniquelocal), comma-separated. Checked here so that a typo stops the start naming the
// variable, instead of a TypeError from inside Express.
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyEntry = (entry: string): boolean => {
  const [address, mask, extra] = entry.split('/');
  return (
    PROXY_NAMES.has(entry) ||
    (isIP(address) > 0 && extra === undefined && (mask === undefined || /^\d{1,3}$/.test(mask) || isIP(mask) > 0))
  );
};
const proxyList = Joi.string().custom((text: string, helpers) =>
  text.split(',').every((entry) => isProxyEntry(entry.trim()))
    ? text
    : helpers.message({
        custom: '{{#label}} must be true, false, a hop count, or addresses and subnets such as loopback, 10.0.0.0/8',
      }),
);

// DATABASE_REPLICA_URLS: read replicas of DATABASE_URL's MySQL/MariaDB primary, comma-separated
// (docs/scaling.md, "The database tier"). A URL without a database name reads DATABASE_URL's database.
const replicaUrls = Joi.string().custom((text: string, helpers) => {
  const urls = text
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const bad = urls.find((u) => {
    if (!/^(mysql|mariadb):\/\//.test(u)) return true;
    try {
      return !new URL(u.replace(/^mariadb:/, 'mysql:')).hostname;
    } catch {
      return true;
    }
  });
  return bad === undefined
    ? urls
    : helpers.message({
        custom: `{{#label}} must be mysql:// or mariadb:// URLs separated by commas, e.g. mysql://reader@10.0.0.2:3306/nimah (not ${JSON.stringify(bad.replace(/\/\/[^@/]*@/, '//…@'))})`,
      });
});

// MAIL_FROM as a From header takes it: an address, or a display name and the address in angle brackets.
const mailFrom = Joi.string().custom((text: string, helpers) => {
  const m = /^\s*(?:"?([^"<>]*?)"?\s*<([^<>\s]+)>|([^<>\s"]+))\s*$/.exec(text);
  const address = m?.[2] ?? m?.[3];
  return address && !Joi.string().email({ tlds: false }).validate(address).error
    ? text
    : helpers.message({
        custom: '{{#label}} must be an address, or a name and <address>: Charity <noreply@charity.org>',
      });
});

const schema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string()
    .pattern(/^(mysql|mariadb|sqlite):/)
    .message('"DATABASE_URL" must start with mysql://, mariadb:// or sqlite:')
    .allow(''),
  DATABASE_REPLICA_URLS: replicaUrls.allow(''),
  REPLICA_MAX_LAG_MS: Joi.number().integer().min(100).max(3_600_000).default(2000),
  DB_MIGRATE_ON_BOOT: Joi.boolean().default(true),
  DB_POOL_MAX: Joi.number().integer().min(1).max(200).default(10),
  DATA_DIR: Joi.string().default('./data'),
  UPLOAD_DIR: Joi.string().allow(''),
  UPLOAD_MAX_BYTES: Joi.number()
    .integer()
    .min(1024)
    .default(10 * 1024 * 1024),
  JSON_BODY_LIMIT: Joi.string()
    .pattern(/^\d+(b|kb|mb)$/i)
    .default('1mb'),
  PARSE_TIMEOUT_MS: Joi.number().integer().min(100).max(600_000).default(5000),
  PARSE_WORKERS: Joi.number().integer().min(0).max(64).default(0),
  ADMIN_EMAIL: Joi.string().email({ tlds: false }).allow(''),
  ADMIN_PASSWORD: Joi.string().min(12).allow(''),
  ADMIN_NAME: Joi.string().default('Administrator'),
  SESSION_TTL_HOURS: Joi.number()
    .min(0.01)
    .max(24 * 90)
    .default(12),
  // LOGIN_MAX_FAILURES is the older name of the per-(account, address) limit, still read when the new one is unset.
  LOGIN_MAX_FAILURES: Joi.number().integer().min(1),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: Joi.number().integer().min(1),
  LOGIN_MAX_FAILURES_PER_ADDRESS: Joi.number().integer().min(1).default(100),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: Joi.number().integer().min(1).default(50),
  LOGIN_WINDOW_MINUTES: Joi.number().integer().min(1).default(15),
  PUBLIC_RATE_LIMIT_PER_15MIN: Joi.number().integer().min(1).default(30),
  TRUST_PROXY: Joi.alternatives(Joi.boolean(), Joi.number().integer().min(0), proxyList).empty('').default(false),
  PII_KEY: Joi.string().allow(''),
  PII_KEYS_OLD: Joi.string().allow(''),
  PII_HASH_KEY: Joi.string().allow(''),
  TAG_PREFIX: Joi.string()
    .pattern(/^[A-Z]{1,6}$/)
    .message('"TAG_PREFIX" must be 1 to 6 capital Latin letters')
    .default('NM'),
  TAG_DIGITS: Joi.number().integer().min(6).max(12).default(6),
  COUNTRY: Joi.string().valid('SA', 'MA').default('SA'),
  PUBLIC_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .default('http://localhost:3000'),
  CO2E_KG_PER_LAPTOP: Joi.number().min(0).default(200),
  CO2E_KG_PER_DESKTOP: Joi.number().min(0).default(300),
  CO2E_KG_PER_OTHER: Joi.number().min(0).default(100),
  LOG_LEVEL: Joi.string().valid('error', 'warn', 'info', 'http', 'verbose', 'debug', 'silent').default('info'),
  LOG_FILE: Joi.string().allow(''),
  PRIORITY_WEIGHTS: priorityWeightsJson,
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .message('"SMTP_URL" must be smtp://user:pass@host:587 or smtps://…:465 (special characters percent-encoded)')
    .allow(''),
  MAIL_FROM: mailFrom.allow(''),
  WEBHOOK_ALLOW_PRIVATE: Joi.boolean().default(false),
  WEBHOOK_DISABLE_AFTER: Joi.number().integer().min(1).max(1000).default(10),
  OUTBOX_WORKER: Joi.string().valid('on', 'off').default('on'),
  OUTBOX_POLL_MS: Joi.number().integer().min(50).max(600_000).default(1000),
  OUTBOX_MAX_ATTEMPTS: Joi.number().integer().min(1).max(100).default(8),
  OUTBOX_RETRY_BASE_MS: Joi.number().integer().min(10).max(86_400_000).default(30_000),
  OUTBOX_LEASE_MS: Joi.number().integer().min(1000).max(86_400_000).default(60_000),
  OUTBOX_CONCURRENCY: Joi.number().integer().min(1).max(64).default(4),
  SMS_WEBHOOK_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .message('"SMS_WEBHOOK_URL" must be an http(s) URL of the SMS / WhatsApp gateway')
    .allow(''),
  SMS_WEBHOOK_SECRET: Joi.string().allow(''),
}).unknown(true);

export type DatabaseDialect = 'sqlite' | 'mysql';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  db: {
    dialect: DatabaseDialect;
    url: string;
    storage: string;
    migrateOnBoot: boolean;
    poolMax: number;
    /** Read replicas (MySQL/MariaDB only), each with a database name; empty: every read goes to `url`. */
    replicaUrls: string[];
    /** A replica further behind the primary than this is not read (db/replicas.ts). */
    replicaMaxLagMs: number;
  };
  dataDir: string;
  upload: { dir: string; maxBytes: number; jsonLimit: string };
  /** Uploaded files are parsed in worker threads: the time one parse may take, and how many run at once (0 = by cores). */
  parse: { timeoutMs: number; workers: number };
  admin: { email: string; password: string; name: string };
  auth: {
    sessionTtlMs: number;
    loginWindowMs: number;
    /** Failed sign-ins before a lockout: of one account from one address, of one address, of one account. */
    loginMaxFailures: { accountAddress: number; address: number; account: number };
  };
  publicRateLimitPer15Min: number;
  trustProxy: boolean | number | string;
  piiKey: string;
  /** Keys that wrote older ciphertexts: read, never written (key rotation, lib/pii-key.ts). */
  piiKeysOld: string[];
  /** The key the lookup hashes are derived from; empty means PII_KEY. */
  piiHashKey: string;
  tags: { prefix: string; digits: number };
  country: 'SA' | 'MA';
  publicUrl: string;
  co2eKg: { laptop: number; desktop: number; other: number };
  /** Email to donors (modules/email): the SMTP server as a URL and the From address; empty when unset (not sent). */
  email: { smtpUrl: string; from: string };
  /**
   * The outbox's delivery worker (modules/outbox): whether `npm start` runs one in-process, how often it looks for
   * due messages, tries before the dead letters, the first retry's delay (doubled each try, with jitter), and how
   * long a claimed message stays claimed by a worker that may have died.
   */
  outbox: {
    worker: boolean;
    pollMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    leaseMs: number;
    /** Messages `npm run worker` sends at once (the web server's own worker sends one at a time). */
    concurrency: number;
  };
  logLevel: string;
  logFile: string;
  /** Overrides of the waitlist priority defaults (PRIORITY_WEIGHTS); empty when unset. */
  priorityWeights: Partial<Record<PriorityWeightKey, number>>;
  /**
   * Webhooks (spec §12): whether endpoints may be on loopback, private or other non-public addresses (local receivers,
   * tests), and after how many failed deliveries in a row an endpoint is disabled.
   */
  webhooks: { allowPrivate: boolean; disableAfter: number };
  /**
   * SMS / WhatsApp to families (modules/sms): the gateway the messages are POSTed to and the secret they are signed
   * with; empty when unset (messages stay queued and the admin outbox screen says why).
   */
  sms: { webhookUrl: string; webhookSecret: string };
  /** How long a figure may be shared between requests when another instance wrote meanwhile (0: never shared). */
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const { value, error } = schema.validate(env, { abortEarly: false, convert: true });
  if (error) {
    throw new ConfigError(`Invalid configuration: ${error.details.map((d) => d.message).join('; ')}`);
  }
  const dataDir = path.resolve(value.DATA_DIR);
  const url: string = value.DATABASE_URL || `sqlite:${path.join(dataDir, 'nimah.sqlite')}`;
  const dialect: DatabaseDialect = url.startsWith('sqlite:') ? 'sqlite' : 'mysql';
  const replicas: string[] = Array.isArray(value.DATABASE_REPLICA_URLS) ? value.DATABASE_REPLICA_URLS : [];
  if (replicas.length && dialect === 'sqlite') {
    throw new ConfigError(
      'Invalid configuration: "DATABASE_REPLICA_URLS" needs a MySQL/MariaDB primary in DATABASE_URL (SQLite has no replicas)',
    );
  }
  const config: Config = {
    env: value.NODE_ENV,
    port: value.PORT,
    db: {
      dialect,
      url,
      storage: dialect === 'sqlite' ? url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : '',
      migrateOnBoot: value.DB_MIGRATE_ON_BOOT,
      poolMax: value.DB_POOL_MAX,
      replicaUrls: replicas.map((replica) => withDatabaseOf(replica, url)),
      replicaMaxLagMs: value.REPLICA_MAX_LAG_MS,
    },
    dataDir,
    upload: {
      dir: path.resolve(value.UPLOAD_DIR || path.join(dataDir, 'uploads')),
      maxBytes: value.UPLOAD_MAX_BYTES,
      jsonLimit: value.JSON_BODY_LIMIT,
    },
    parse: { timeoutMs: value.PARSE_TIMEOUT_MS, workers: value.PARSE_WORKERS },
    admin: { email: value.ADMIN_EMAIL ?? '', password: value.ADMIN_PASSWORD ?? '', name: value.ADMIN_NAME },
    auth: {
      sessionTtlMs: value.SESSION_TTL_HOURS * 3600_000,
      loginMaxFailures: {
        accountAddress: value.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS ?? value.LOGIN_MAX_FAILURES ?? 10,
        address: value.LOGIN_MAX_FAILURES_PER_ADDRESS,
        account: value.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      },
      loginWindowMs: value.LOGIN_WINDOW_MINUTES * 60_000,
    },
    publicRateLimitPer15Min: value.PUBLIC_RATE_LIMIT_PER_15MIN,
    trustProxy: value.TRUST_PROXY,
    piiKey: value.PII_KEY ?? '',
    piiKeysOld: String(value.PII_KEYS_OLD ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    piiHashKey: value.PII_HASH_KEY ?? '',
    tags: { prefix: value.TAG_PREFIX, digits: value.TAG_DIGITS },
    country: value.COUNTRY,
    publicUrl: String(value.PUBLIC_URL).replace(/\/+$/, ''),
    co2eKg: { laptop: value.CO2E_KG_PER_LAPTOP, desktop: value.CO2E_KG_PER_DESKTOP, other: value.CO2E_KG_PER_OTHER },
    email: { smtpUrl: value.SMTP_URL ?? '', from: String(value.MAIL_FROM ?? '').trim() },
    outbox: {
      worker: value.OUTBOX_WORKER === 'on',
      pollMs: value.OUTBOX_POLL_MS,
      maxAttempts: value.OUTBOX_MAX_ATTEMPTS,
      retryBaseMs: value.OUTBOX_RETRY_BASE_MS,
      leaseMs: value.OUTBOX_LEASE_MS,
      concurrency: value.OUTBOX_CONCURRENCY,
    },
    logLevel: value.LOG_LEVEL,
    logFile: value.LOG_FILE ?? '',
    priorityWeights: typeof value.PRIORITY_WEIGHTS === 'object' ? value.PRIORITY_WEIGHTS : {},
    webhooks: { allowPrivate: value.WEBHOOK_ALLOW_PRIVATE, disableAfter: value.WEBHOOK_DISABLE_AFTER },
    sms: { webhookUrl: value.SMS_WEBHOOK_URL ?? '', webhookSecret: value.SMS_WEBHOOK_SECRET ?? '' },
  };
  return deepFreeze(config);
}

/** `replica` with the primary's database name when it names none (mysql://root@10.0.0.2:3306). */
function withDatabaseOf(replica: string, primary: string): string {
  const parsed = new URL(replica.replace(/^mariadb:/, 'mysql:'));
  if (parsed.pathname.replace(/^\//, '')) return parsed.toString();
  parsed.pathname = new URL(primary.replace(/^mariadb:/, 'mysql:')).pathname;
  return parsed.toString();
}

function deepFreeze<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

export const config = loadConfig();
