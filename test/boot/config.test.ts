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
});
