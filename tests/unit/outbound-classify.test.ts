import {
  checkResolved,
  checkTarget,
  classifyAddress,
  parseAllowEntry,
  parseAllowlist,
  parseIpLiteral,
  type Target,
} from '../../plugins/roundup/server/src/core/outbound';

const rules = (...entries: string[]) => {
  const { rules: parsed, problems } = parseAllowlist(entries);
  expect(problems).toEqual([]);
  return parsed;
};

const targetOf = (url: string, allow: string[] = []): Target => {
  const checked = checkTarget(url, rules(...allow));
  if (!checked.ok) throw new Error(`${url} refused: ${checked.reason}`);
  return checked.target;
};

describe('classifyAddress: every range that is not global unicast', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['100.127.255.255', 'carrier-grade-nat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'reserved'],
    ['100::1', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['4000::1', 'reserved'],
    ['64:ff9b:1::a00:5', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address).kind).toBe(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback', '127.0.0.1'],
    ['::ffff:7f00:1', 'loopback', '127.0.0.1'],
    ['::ffff:10.0.0.5', 'private', '10.0.0.5'],
    ['::ffff:169.254.169.254', 'metadata', '169.254.169.254'],
    ['::ffff:0:a00:5', 'private', '10.0.0.5'],
    ['64:ff9b::7f00:1', 'loopback', '127.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'metadata', '169.254.169.254'],
    ['64:ff9b::6440:1', 'carrier-grade-nat', '100.64.0.1'],
    ['2002:7f00:1::1', 'loopback', '127.0.0.1'],
    ['2002:c0a8:101::1', 'private', '192.168.1.1'],
  ])('%s carries %s %s and is classified by it', (address, kind, embedded) => {
    expect(classifyAddress(address)).toMatchObject({ kind, embedded });
  });

  it.each([
    '8.8.8.8',
    '93.184.215.14',
    '1.1.1.1',
    '2606:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('%s is public', (address) => {
    expect(classifyAddress(address).kind).toBe('public');
  });
});

describe('parseIpLiteral: every notation means the address it stands for', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0X7F000001', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['167772165', '10.0.0.5'],
    ['0xa9fea9fe', '169.254.169.254'],
    ['0251.0376.0251.0376', '169.254.169.254'],
    ['[::1]', '::1'],
    ['[0:0:0:0:0:ffff:7f00:1]', '::ffff:7f00:1'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
  ])('%s is %s', (literal, address) => {
    expect(parseIpLiteral(literal)?.toString()).toBe(address);
  });

  it.each(['example.com', 'localhost', 'localhost.', '127.0.0.1.example.com', ''])(
    '%s is a name, not an address',
    (host) => {
      expect(parseIpLiteral(host)).toBeNull();
    }
  );
});

describe('checkTarget: refused before any lookup', () => {
  const hint = 'add it to outbound.allow to permit it';
  it.each([
    ['http://127.0.0.1/', `points to 127.0.0.1, a loopback address; ${hint}`],
    ['http://2130706433/', `points to 127.0.0.1, a loopback address; ${hint}`],
    ['http://0x7f000001/', `points to 127.0.0.1, a loopback address; ${hint}`],
    ['http://0177.0.0.1/', `points to 127.0.0.1, a loopback address; ${hint}`],
    ['http://0x7f.1/', `points to 127.0.0.1, a loopback address; ${hint}`],
    ['http://127.1/', `points to 127.0.0.1, a loopback address; ${hint}`],
    ['http://127.0.0.1./', `points to 127.0.0.1, a loopback address; ${hint}`],
    ['http://0/', `points to 0.0.0.0, an unspecified address; ${hint}`],
    ['http://[::]/', `points to ::, an unspecified address; ${hint}`],
    ['http://10.0.0.5/', `points to 10.0.0.5, a private address; ${hint}`],
    ['http://167772165/', `points to 10.0.0.5, a private address; ${hint}`],
    ['https://172.20.1.1/', `points to 172.20.1.1, a private address; ${hint}`],
    ['https://192.168.0.1/admin', `points to 192.168.0.1, a private address; ${hint}`],
    [
      'http://169.254.169.254/latest/meta-data/',
      `points to 169.254.169.254, the cloud metadata address; ${hint}`,
    ],
    [
      'http://0xa9fea9fe/latest/meta-data/',
      `points to 169.254.169.254, the cloud metadata address; ${hint}`,
    ],
    ['http://100.100.100.200/', `points to 100.100.100.200, a carrier-grade NAT address; ${hint}`],
    ['http://224.0.0.251/', `points to 224.0.0.251, a multicast address; ${hint}`],
    ['http://255.255.255.255/', `points to 255.255.255.255, a broadcast address; ${hint}`],
    ['http://198.18.0.1/', `points to 198.18.0.1, a reserved address; ${hint}`],
    ['http://[::1]/', `points to ::1, a loopback address; ${hint}`],
    ['http://[::1]:8080/', `points to ::1, a loopback address; ${hint}`],
    ['http://[fe80::1]/', `points to fe80::1, a link-local address; ${hint}`],
    ['http://[fd00::5]/', `points to fd00::5, a private address; ${hint}`],
    ['http://[ff02::1]/', `points to ff02::1, a multicast address; ${hint}`],
    [
      'http://[::ffff:127.0.0.1]/',
      `points to ::ffff:7f00:1 (127.0.0.1), a loopback address; ${hint}`,
    ],
    [
      'http://[::ffff:a9fe:a9fe]/',
      `points to ::ffff:a9fe:a9fe (169.254.169.254), the cloud metadata address; ${hint}`,
    ],
    ['http://[64:ff9b::a00:5]/', `points to 64:ff9b::a00:5 (10.0.0.5), a private address; ${hint}`],
    ['http://[2002:a00:5::1]/', `points to 2002:a00:5::1 (10.0.0.5), a private address; ${hint}`],
    ['ftp://example.com/', 'uses ftp; only http and https are allowed'],
    ['file:///etc/passwd', 'uses file; only http and https are allowed'],
    ['gopher://example.com/', 'uses gopher; only http and https are allowed'],
    ['javascript:alert(1)', 'uses javascript; only http and https are allowed'],
    ['https://user:pw@example.com/', 'must not hold a user name or password'],
    ['not a url', 'is not an absolute URL'],
    [
      'https://example.com:8443/',
      'uses port 8443; only 80 and 443 are allowed unless outbound.allow permits it (for example "example.com:8443")',
    ],
    [
      'http://93.184.215.14:22/',
      'uses port 22; only 80 and 443 are allowed unless outbound.allow permits it (for example "93.184.215.14:22")',
    ],
  ])('%s %s', (url, reason) => {
    expect(checkTarget(url, [])).toEqual({ ok: false, reason });
  });

  it.each([
    'https://example.com/hook',
    'http://example.com:80/',
    'https://example.com:443/',
    'http://93.184.215.14/',
    'https://[2606:4700::1111]/',
    'http://[::ffff:8.8.8.8]/',
    'http://[64:ff9b::808:808]/',
  ])('%s may be requested', (url) => {
    expect(checkTarget(url, [])).toMatchObject({ ok: true });
  });

  it('keeps the name to resolve, lower case and without a trailing dot', () => {
    expect(targetOf('https://Build.Example.COM./x')).toMatchObject({
      host: 'build.example.com',
      port: 443,
      literal: null,
    });
    expect(targetOf('http://[2606:4700::1111]:80/')).toMatchObject({
      host: '2606:4700::1111',
      port: 80,
    });
  });
});

describe('checkResolved: a name is judged by every address it resolves to', () => {
  const hint = 'add it to outbound.allow to permit it';
  it.each([
    [['127.0.0.1'], `resolves to 127.0.0.1, a loopback address; ${hint}`],
    [['10.0.0.5'], `resolves to 10.0.0.5, a private address; ${hint}`],
    [['93.184.215.14', '10.0.0.5'], `resolves to 10.0.0.5, a private address; ${hint}`],
    [['2606:4700::1111', 'fd00::1'], `resolves to fd00::1, a private address; ${hint}`],
    [
      ['::ffff:192.168.1.1'],
      `resolves to ::ffff:c0a8:101 (192.168.1.1), a private address; ${hint}`,
    ],
    [['169.254.169.254'], `resolves to 169.254.169.254, the cloud metadata address; ${hint}`],
    [[], 'hook.example resolves to no address'],
  ])('%j: %s', (addresses, reason) => {
    expect(checkResolved(targetOf('https://hook.example/'), addresses, [])).toBe(reason);
  });

  it('lets a name through whose addresses are all public', () => {
    expect(
      checkResolved(targetOf('https://hook.example/'), ['93.184.215.14', '2606:4700::1111'], [])
    ).toBeNull();
  });
});

describe('outbound.allow', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:4000/'],
    ['127.0.0.1:4000', 'http://127.0.0.1:4000/'],
    ['127.0.0.1', 'http://2130706433:4000/'],
    ['10.0.0.0/8', 'http://10.1.2.3:9000/'],
    ['10.0.0.0/8:9000', 'http://10.1.2.3:9000/'],
    ['::1', 'http://[::1]:4000/'],
    ['[::1]:4000', 'http://[::1]:4000/'],
    ['[fd00::/8]:8080', 'http://[fd12::1]:8080/'],
    ['127.0.0.1', 'http://[::ffff:127.0.0.1]:4000/'],
    ['build.intranet', 'http://build.intranet:8080/'],
    ['example.com:8443', 'https://example.com:8443/'],
    ['*.intranet', 'http://ci.build.intranet/'],
  ])('%s permits %s', (entry, url) => {
    expect(checkTarget(url, rules(entry))).toMatchObject({ ok: true });
  });

  it.each([
    ['127.0.0.1:4000', 'http://127.0.0.1:4001/'],
    ['127.0.0.1', 'http://127.0.0.2/'],
    ['127.0.0.1', 'http://[::1]/'],
    ['10.0.0.0/8', 'http://192.168.0.1/'],
    ['[::1]:4000', 'http://[::1]:4001/'],
    ['example.com:8443', 'https://example.com:8444/'],
    ['*.intranet', 'http://intranet:8080/'],
  ])('%s does not permit %s', (entry, url) => {
    expect(checkTarget(url, rules(entry))).toMatchObject({ ok: false });
  });

  it('lets an allowed name resolve to a private address, and an allowed address be reached by name', () => {
    expect(
      checkResolved(
        targetOf('http://build.intranet/', ['build.intranet']),
        ['10.0.0.5'],
        rules('build.intranet')
      )
    ).toBeNull();
    expect(
      checkResolved(
        targetOf('http://build.intranet/', ['10.0.0.0/8']),
        ['10.0.0.5'],
        rules('10.0.0.0/8')
      )
    ).toBeNull();
    expect(
      checkResolved(
        targetOf('http://build.intranet/', ['10.0.0.5']),
        ['10.0.0.5', '10.0.0.6'],
        rules('10.0.0.5')
      )
    ).toBe('resolves to 10.0.0.6, a private address; add it to outbound.allow to permit it');
  });

  it.each([
    ['', 'must not be empty'],
    ['10.0.0.0/33', '"10.0.0.0/33" is not a host, IP address or CIDR range with an optional :port'],
    [
      'exa mple.com',
      '"exa mple.com" is not a host, IP address or CIDR range with an optional :port',
    ],
    ['http://example.com', '"http://example.com" has no valid port (1–65535)'],
    ['example.com:0', '"example.com:0" has no valid port (1–65535)'],
    ['example.com:99999', '"example.com:99999" has no valid port (1–65535)'],
    ['[::1', '"[::1" is not a host, IP address or CIDR range with an optional :port'],
    ['[::1]x', '"[::1]x" is not a host, IP address or CIDR range with an optional :port'],
    [
      '-bad-.example',
      '"-bad-.example" is not a host, IP address or CIDR range with an optional :port',
    ],
  ])('refuses the entry %j: %s', (entry, message) => {
    expect(parseAllowEntry(entry)).toBe(message);
  });

  it('names bad entries by their index', () => {
    expect(parseAllowlist(['127.0.0.1', 'nope nope']).problems).toEqual([
      {
        index: 1,
        message: '"nope nope" is not a host, IP address or CIDR range with an optional :port',
      },
    ]);
  });
});
