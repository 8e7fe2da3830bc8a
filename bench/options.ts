// Command-line options of the bench scripts (`npm run bench -- --devices 10000 --duration 5`).

export interface BenchOptions {
  /** One run per volume, in order (`--devices 10000,100000`; `--devices 1000000` adds 10,000 and 100,000). */
  devices: number[];
  /** Seconds of load per scenario. */
  duration: number;
  /** Nimah and the baseline take turns in this many runs per scenario. */
  rounds: number;
  connections: number;
  /** The bench database; it is dropped and re-created by the seeder. */
  url: string;
  port: number;
  baselinePort: number;
  /** Skip seeding and reuse the database as it is (numbers then drift from run to run). */
  seed: boolean;
  /** Allow a database whose name does not contain "bench" to be dropped. */
  force: boolean;
  /** Scenario names to run (default: all). */
  only: string[];
  /** Also write the results as JSON here. */
  json: string;
  /** Where the growth chart (SVG) goes when more than one volume ran; '' for none. */
  chart: string;
  /** A lone large `--devices N` is measured with its smaller volumes (see ladder()); the bench applies it. */
  ladder: boolean;
}

export const DEFAULT_URL = 'mysql://root@127.0.0.1:3306/nimah_bench';
export const DEFAULT_CHART = 'docs/performance-growth.svg';
/** The smallest volume of the growth ladder: a single `--devices N` above it is measured with every ×10 from here. */
const LADDER_FROM = 10_000;
const LADDER_ABOVE = 100_000;

/**
 * What a lone `--devices N` above 100,000 means: N and the powers of ten from 10,000 below it (1,000,000 → 10,000,
 * 100,000, 1,000,000), so the growth table and chart have their smaller volumes. A list, or N ≤ 100,000, is as given.
 */
export function ladder(devices: number[]): number[] {
  if (devices.length !== 1 || devices[0] <= LADDER_ABOVE) return devices;
  const out: number[] = [];
  for (let n = LADDER_FROM; n < devices[0]; n *= 10) out.push(n);
  return [...out, devices[0]];
}

const HELP = `npm run bench -- [options]
  --devices N[,N…]   volumes to seed and measure (default 100000); one N above 100000 also measures 10000, 100000…
  --no-ladder        measure a single large --devices N alone
  --duration S       seconds of load per scenario and server (default 10)
  --rounds R         Nimah and the baseline take turns in R runs of S/R seconds (default 2)
  --connections C    concurrent connections (default 32)
  --url URL          bench database (default DATABASE_URL, else ${DEFAULT_URL}); it is DROPPED and re-created
  --port P           port of the server under test (default 3901); the baseline uses P+1
  --no-seed          reuse the database as it is
  --only a,b         run only these (scan,list,detail,queue,dashboard,dashboard_load,regions,cumulative,intake,
                     import,deep_page,action,audit)
  --json FILE        also write the results as JSON
  --chart FILE       the growth chart (SVG) when several volumes ran (default ${DEFAULT_CHART}); --no-chart for none
  --force            allow dropping a database whose name does not contain "bench"`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const o: BenchOptions = {
    devices: [100_000],
    duration: 10,
    rounds: 2,
    connections: 32,
    url: env.DATABASE_URL || DEFAULT_URL,
    port: 3901,
    baselinePort: 3902,
    seed: true,
    force: false,
    only: [],
    json: '',
    chart: DEFAULT_CHART,
    ladder: true,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return v;
    };
    const int = () => {
      const n = Number(value().replace(/_/g, ''));
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${arg} must be a positive integer`);
      return n;
    };
    switch (arg) {
      case '--devices':
        o.devices = value()
          .split(',')
          .map((s) => Number(s.replace(/_/g, '')))
          .filter((n) => Number.isInteger(n) && n > 0);
        break;
      case '--duration':
        o.duration = int();
        break;
      case '--connections':
        o.connections = int();
        break;
      case '--rounds':
        o.rounds = int();
        break;
      case '--url':
        o.url = value();
        break;
      case '--port':
        o.port = int();
        o.baselinePort = o.port + 1;
        break;
      case '--no-seed':
        o.seed = false;
        break;
      case '--force':
        o.force = true;
        break;
      case '--only':
        o.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--json':
        o.json = value();
        break;
      case '--chart':
        o.chart = value();
        break;
      case '--no-chart':
        o.chart = '';
        break;
      case '--no-ladder':
        o.ladder = false;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${HELP}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${arg}\n${HELP}`);
    }
  }
  if (!o.devices.length) throw new Error('--devices needs at least one positive integer');
  if (!/^(mysql|mariadb):\/\//.test(o.url))
    throw new Error('The bench runs on MySQL/MariaDB: --url or DATABASE_URL must start with mysql://');
  return o;
}

/** The database name in a mysql:// URL. */
export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url.replace(/^mariadb:/, 'mysql:')).pathname.replace(/^\//, ''));
}

/** The same URL without the database part, for connecting before the database exists. */
export function serverUrlOf(url: string): string {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  u.pathname = '/';
  return u.toString();
}

export function assertDroppable(url: string, force: boolean): void {
  const name = databaseOf(url);
  if (!name) throw new Error('The bench URL must name a database');
  if (!force && !/bench/i.test(name)) {
    throw new Error(
      `Refusing to drop database "${name}": its name does not contain "bench" (pass --force to allow it)`,
    );
  }
}
