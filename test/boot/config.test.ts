import { expect } from 'chai';
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

  for (const [name, value] of [['PORT', 'abc'], ['COUNTRY', 'FR'], ['DATABASE_URL', 'postgres://x'], ['TAG_PREFIX', 'nm1'], ['TAG_DIGITS', '4'], ['PUBLIC_URL', 'not a url']]) {
    it(`when ${name}=${value}, throws a ConfigError naming ${name}`, () => {
      expect(() => loadConfig({ [name]: value })).to.throw(ConfigError, name);
    });
  }
});
