// Which addresses a webhook may go to (server/modules/webhooks/webhooks.address.ts), address by address: the
// special-purpose ranges of IPv4 and IPv6, IPv4 carried inside IPv6, and names judged by what they resolve to.
import { expect } from 'chai';
import { checkTarget, isNonPublicAddress } from '../../server/modules/webhooks/index.js';

describe('webhook targets: public addresses only', () => {
  it('classifies IPv4 and IPv6 addresses', () => {
    const nonPublic = [
      '0.0.0.0',
      '10.0.0.1',
      '100.64.0.1',
      '100.127.255.254',
      '127.0.0.1',
      '127.255.255.255',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.0.0.8',
      '192.0.2.1',
      '192.168.0.1',
      '198.18.0.1',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.251',
      '240.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::FFFF:A9FE:A9FE',
      '::ffff:192.168.1.1',
      '::127.0.0.1',
      '::ffff:0:a00:1',
      '64:ff9b::7f00:1',
      '64:ff9b::10.0.0.1',
      '64:ff9b:1::1',
      '100::1',
      '2001::1',
      '2001:db8::1',
      '2002:7f00:0001::',
      '2002:0a00:0001::1',
      'fc00::1',
      'fd12:3456:789a::1',
      'fe80::1',
      'fe80::1%eth0',
      'fec0::1',
      'ff02::1',
      'not-an-address',
    ];
    const isPublic = [
      '1.1.1.1',
      '8.8.8.8',
      '93.184.215.14',
      '100.63.255.255',
      '100.128.0.1',
      '172.15.255.255',
      '172.32.0.1',
      '192.169.0.1',
      '223.255.255.254',
      '2606:4700:4700::1111',
      '2a00:1450:4001:80b::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:0808:0808::1',
    ];
    expect(nonPublic.filter((a) => !isNonPublicAddress(a))).to.deep.equal([]);
    expect(isPublic.filter((a) => isNonPublicAddress(a))).to.deep.equal([]);
  });

  it('judges a name by every address it resolves to, and refuses one it cannot resolve', async () => {
    const resolvingTo = (addresses: string[]) => async () => addresses;
    const policy = (addresses: string[]) => ({ allowPrivate: false, lookup: resolvingTo(addresses) });
    const ok = await checkTarget('https://hooks.partner.example/x', policy(['93.184.215.14', '2606:4700::1']));
    expect(ok.ok).to.equal(true);
    // One private address among public ones is enough to refuse: the client may connect to any of them.
    const mixed = await checkTarget('https://hooks.partner.example/x', policy(['93.184.215.14', '10.0.0.7']));
    expect(mixed).to.include({ ok: false, type: 'url.notPublic' });
    const none = await checkTarget('https://hooks.partner.example/x', policy([]));
    expect(none).to.include({ ok: false, type: 'url.unresolved' });
    const failing = await checkTarget('https://hooks.partner.example/x', {
      allowPrivate: false,
      lookup: () => Promise.reject(new Error('ENOTFOUND')),
    });
    expect(failing).to.include({ ok: false, type: 'url.unresolved' });
  });

  it('with allowPrivate, accepts any http(s) host but still refuses other schemes and credentials', async () => {
    const allow = { allowPrivate: true };
    expect((await checkTarget('http://127.0.0.1:9/x', allow)).ok).to.equal(true);
    expect((await checkTarget('http://[::1]:9/x', allow)).ok).to.equal(true);
    expect(await checkTarget('gopher://127.0.0.1/x', allow)).to.include({ ok: false, type: 'url.scheme' });
    expect(await checkTarget('http://a:b@127.0.0.1/x', allow)).to.include({ ok: false, type: 'url.credentials' });
  });

  it('refuses PUBLIC_URL, this server, whatever its name resolves to', async () => {
    const policy = {
      allowPrivate: false,
      publicUrl: 'https://nimah.charity.example',
      lookup: async () => ['93.184.215.14'],
    };
    expect(await checkTarget('https://NIMAH.charity.example./api', policy)).to.include({
      ok: false,
      type: 'url.notPublic',
    });
    expect((await checkTarget('https://other.charity.example/api', policy)).ok).to.equal(true);
  });
});
