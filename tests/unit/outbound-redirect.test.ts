import { nextHop, type RequestHop } from '../../plugins/roundup/server/src/core/outbound';

const post: RequestHop = {
  method: 'POST',
  headers: {
    Authorization: 'Bearer secret',
    Cookie: 'session=1',
    'Content-Type': 'application/json',
    'X-Trace': 'abc',
  },
  body: Buffer.from('{}'),
};

describe('nextHop: the request a redirect asks for', () => {
  it.each([
    [303, 'GET'],
    [301, 'GET'],
    [302, 'GET'],
    [307, 'POST'],
    [308, 'POST'],
  ])('a POST answered %i is sent on as %s', (status, method) => {
    expect(nextHop(post, status, true).method).toBe(method);
  });

  it('drops the body and its headers when the method becomes GET', () => {
    const hop = nextHop(post, 303, true);
    expect(hop.body).toBeUndefined();
    expect(hop.headers).toEqual({
      Authorization: 'Bearer secret',
      Cookie: 'session=1',
      'X-Trace': 'abc',
    });
  });

  it('keeps the body of a 307 and 308', () => {
    expect(nextHop(post, 307, true)).toEqual(post);
  });

  it('keeps credentials at their origin', () => {
    expect(nextHop(post, 307, false).headers).toEqual({
      'Content-Type': 'application/json',
      'X-Trace': 'abc',
    });
  });

  it('sends a HEAD on as a HEAD, even after a 303', () => {
    const head: RequestHop = { method: 'HEAD', headers: {} };
    expect(nextHop(head, 303, true).method).toBe('HEAD');
  });
});
