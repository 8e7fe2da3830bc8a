import { expect } from 'chai';
import express from 'express';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('configuration', () => {
  it('when nothing is set, uses SQLite under ./data and the documented defaults', () => {
    const c = loadConfig({});
    expect(c.db.dialect).to.equal('sqlite');
    expect(c.db.storage).to.match(/data\/nimah\.sqlite$/);
    expect(c).to.deep.include({ port: 3000, country: 'SA' });
    expect(c.tags).to.deep.equal({ prefix: 'NM', digits: 6 });
    expect(Object.isFrozen(c) && Object.isFrozen(c.db)).to.equal(true);
  });

  it('when DATABASE_URL is mysql://, switches to MySQL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/nimah' }).db.dialect).to.equal('mysql');
  });

  it('reads TRUST_PROXY as Express\'s "trust proxy" takes it: a boolean, a hop count, or addresses and subnets', () => {
    const read = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect([read('true'), read('false'), read(''), read('1'), read('loopback, 10.0.0.0/8')]).to.deep.equal([
      true,
      false,
      false,
      1,
      'loopback, 10.0.0.0/8',
    ]);
    // Behind nginx on the same machine: the client's address is the one nginx adds, a stranger's header is not believed.
    const app = express().set('trust proxy', read('loopback'));
    const trusts = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
    expect([trusts('127.0.0.1', 0), trusts('203.0.113.9', 0)]).to.deep.equal([true, false]);
    expect(() => express().set('trust proxy', read('2'))).to.not.throw();
  });

  for (const [name, value] of [
    ['PORT', 'abc'],
    ['COUNTRY', 'FR'],
    ['DATABASE_URL', 'postgres://x'],
    ['TAG_PREFIX', 'nm1'],
    ['TAG_DIGITS', '4'],
    ['PUBLIC_URL', 'not a url'],
    ['TRUST_PROXY', 'nginx'],
    ['TRUST_PROXY', '10.0.0.0/8/8'],
  ]) {
    it(`when ${name}=${value}, throws a ConfigError naming ${name}`, () => {
      expect(() => loadConfig({ [name]: value })).to.throw(ConfigError, name);
    });
  }

  describe('read replicas (DATABASE_REPLICA_URLS, REPLICA_MAX_LAG_MS)', () => {
    const primary = 'mysql://root@127.0.0.1:3307/nimah';

    it("reads a comma-separated list of MySQL/MariaDB URLs, giving the primary's database to a URL without one", () => {
      const c = loadConfig({
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS: 'mysql://reader:s%40cret@10.0.0.2:3306, mariadb://10.0.0.3/other',
      });
      expect(c.db.replicaUrls).to.deep.equal(['mysql://reader:s%40cret@10.0.0.2:3306/nimah', 'mysql://10.0.0.3/other']);
      expect(c.db.replicaMaxLagMs).to.equal(2000);
      expect(loadConfig({}).db.replicaUrls).to.deep.equal([]);
    });

    for (const value of ['postgres://10.0.0.2/nimah', 'mysql://', 'replica-1', 'mysql://10.0.0.2/nimah,,sqlite:x']) {
      it(`when DATABASE_REPLICA_URLS=${value}, refuses it naming the variable and the expected form`, () => {
        expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: value })).to.throw(
          ConfigError,
          /"DATABASE_REPLICA_URLS" must be mysql:\/\/ or mariadb:\/\/ URLs separated by commas/,
        );
      });
    }

    it("never repeats a refused URL's password in the message", () => {
      expect(() =>
        loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'https://reader:s3cret@10.0.0.2/nimah' }),
      ).to.throw(ConfigError, /not "https:\/\/…@10\.0\.0\.2\/nimah"/);
    });

    it('refuses replicas of a SQLite database, saying why', () => {
      expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'mysql://10.0.0.2/nimah' })).to.throw(
        ConfigError,
        '"DATABASE_REPLICA_URLS" needs a MySQL/MariaDB primary in DATABASE_URL (SQLite has no replicas)',
      );
    });

    it('refuses a REPLICA_MAX_LAG_MS that is not a number of milliseconds from 100', () => {
      for (const value of ['soon', '10', '-1'])
        expect(() => loadConfig({ DATABASE_URL: primary, REPLICA_MAX_LAG_MS: value })).to.throw(
          ConfigError,
          'REPLICA_MAX_LAG_MS',
        );
    });
  });
});
