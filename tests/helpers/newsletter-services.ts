import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServiceRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

interface Failure {
  status: number;
  body: unknown;
}

/**
 * A loopback server answering like the documented endpoints of Buttondown's and
 * Mailchimp's APIs that the plugin uses, checking the credentials as they do:
 * - Buttondown (https://docs.buttondown.com/api-emails-create, …/api-emails-update):
 *   `POST /v1/emails` → 201 with the email and its `id`; `PATCH /v1/emails/{id}` → 200, or
 *   404 for an id it does not have; `Authorization: Token <key>`, else 401 `{ detail }`.
 * - Mailchimp (https://mailchimp.com/developer/marketing/api/campaigns/add-campaign/,
 *   …/update-campaign-settings/, …/campaign-content/set-campaign-content/):
 *   `POST /3.0/campaigns` → 200 with `id` and `status: "save"`; `PATCH /3.0/campaigns/{id}` and
 *   `PUT /3.0/campaigns/{id}/content` → 200, or a 404 problem document; HTTP Basic with the key
 *   as password, else a 401 problem document (`title`, `detail`).
 * `failNext` makes the next requests answer a scripted error instead.
 */
export const startNewsletterServices = async (keys: { buttondown: string; mailchimp: string }) => {
  const requests: ServiceRequest[] = [];
  const failures: Failure[] = [];
  const emails = new Map<string, Record<string, unknown>>();
  const campaigns = new Map<string, Record<string, unknown>>();

  const answer = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const problem = (status: number, title: string, detail: string) => ({
    type: 'https://mailchimp.com/developer/marketing/docs/errors/',
    title,
    status,
    detail,
    instance: randomUUID(),
  });

  const buttondown = (req: ServiceRequest, res: http.ServerResponse) => {
    if (req.authorization !== `Token ${keys.buttondown}`)
      return answer(res, 401, { detail: 'Invalid token.' });
    const id = /^\/v1\/emails\/([\w-]+)$/.exec(req.path)?.[1];
    if (req.method === 'POST' && req.path === '/v1/emails') {
      const email = { id: randomUUID(), ...req.body };
      emails.set(email.id, email);
      return answer(res, 201, email);
    }
    if (req.method === 'PATCH' && id) {
      const email = emails.get(id);
      if (!email) return answer(res, 404, { detail: 'Not found.' });
      Object.assign(email, req.body);
      return answer(res, 200, email);
    }
    return answer(res, 405, { detail: 'Method not allowed.' });
  };

  const mailchimp = (req: ServiceRequest, res: http.ServerResponse) => {
    const [user, password] = Buffer.from((req.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':');
    if (!req.authorization?.startsWith('Basic ') || !user || password !== keys.mailchimp)
      return answer(res, 401, problem(401, 'API Key Invalid', 'Your API key may be invalid.'));
    const match = /^\/3\.0\/campaigns(?:\/(\w+)(\/content)?)?$/.exec(req.path);
    const campaign = match?.[1] ? campaigns.get(match[1]) : undefined;
    if (req.method === 'POST' && match && !match[1]) {
      const created = {
        id: randomUUID().replace(/-/g, '').slice(0, 10),
        web_id: 1,
        status: 'save',
        ...req.body,
      };
      campaigns.set(created.id, created);
      return answer(res, 200, created);
    }
    if (match?.[1] && !campaign)
      return answer(res, 404, problem(404, 'Resource Not Found', 'The campaign does not exist.'));
    if (req.method === 'PATCH' && campaign && !match?.[2]) {
      Object.assign(campaign, req.body);
      return answer(res, 200, campaign);
    }
    if (req.method === 'PUT' && campaign && match?.[2]) {
      campaign.content = req.body;
      return answer(res, 200, req.body);
    }
    return answer(res, 405, problem(405, 'Method Not Allowed', 'Not here.'));
  };

  const server = http.createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const req: ServiceRequest = {
        method: incoming.method ?? '',
        path: (incoming.url ?? '').split('?')[0],
        authorization: incoming.headers.authorization,
        contentType: incoming.headers['content-type'],
        body: text ? JSON.parse(text) : {},
      };
      requests.push(req);
      const failure = failures.shift();
      if (failure) return answer(res, failure.status, failure.body);
      return req.path.startsWith('/3.0/') ? mailchimp(req, res) : buttondown(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    emails,
    campaigns,
    failNext: (...answers: Failure[]) => failures.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
