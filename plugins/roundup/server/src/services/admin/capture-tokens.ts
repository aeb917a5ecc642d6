import type { Core } from '@strapi/strapi';
import type {
  Bookmarklet,
  CaptureToken,
  NewCaptureToken,
} from '../../../../shared/contracts/capture-tokens';
import { bookmarklet } from '../../core/capture/bookmarklet';
import { ApplicationError, NotFoundError } from '../../utils/errors';

/** The only permission a capture token carries. */
export const CAPTURE_ACTION = 'plugin::roundup.inbox.capture';
const NAME_PREFIX = 'Roundup capture';

export interface Editor {
  id: number | string;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
}

const ownerMark = (editor: Editor) => `(admin user #${editor.id})`;

/** An API token as Strapi's api-token service and table give it. */
interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  permissions?: { action: string }[];
  /** Only when the key is created or decrypted. */
  accessKey?: string;
}

/** The part of Strapi's `admin::api-token` service the capture tokens use. */
interface ApiTokenService {
  create(attributes: {
    kind: 'content-api';
    name: string;
    description: string;
    type: 'custom';
    permissions: string[];
    lifespan: null;
  }): Promise<ApiToken & { accessKey: string }>;
  getById(id: number, options: { includeDecryptedKey: boolean }): Promise<ApiToken | null>;
  revoke(id: number): Promise<unknown>;
}

/**
 * Editors' capture tokens: Strapi API tokens of the custom type holding only
 * the capture action, made and revoked on the Roundups page. Each is marked
 * with its editor in its description, and each editor sees only their own.
 */
const captureTokens = ({ strapi }: { strapi: Core.Strapi }) => {
  const apiTokens = () => strapi.service('admin::api-token') as unknown as ApiTokenService;

  const ownRows = async (editor: Editor) => {
    const rows: ApiToken[] = await strapi.db.query('admin::api-token').findMany({
      where: { name: { $startsWith: NAME_PREFIX }, description: { $endsWith: ownerMark(editor) } },
      select: ['id', 'name', 'createdAt', 'lastUsedAt'],
      populate: ['permissions'],
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    // Only tokens whose one permission is capture count: a token widened in Settings is not ours to show.
    return rows.filter(
      (row) => row.permissions?.length === 1 && row.permissions[0].action === CAPTURE_ACTION
    );
  };

  const asToken = (row: ApiToken): CaptureToken => ({
    id: row.id,
    name: row.name,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
  });

  const requireOwn = async (editor: Editor, id: number) => {
    const own = (await ownRows(editor)).find((row) => row.id === id);
    if (!own) throw new NotFoundError(`No capture token ${id} of yours`);
    return own;
  };

  return {
    async list(editor: Editor): Promise<CaptureToken[]> {
      return (await ownRows(editor)).map(asToken);
    },

    async create(editor: Editor, formUrl: string): Promise<NewCaptureToken> {
      const who =
        [editor.firstname, editor.lastname].filter(Boolean).join(' ') ||
        editor.email ||
        `user ${editor.id}`;
      const created = await apiTokens().create({
        kind: 'content-api',
        name: `${NAME_PREFIX} · ${editor.email ?? editor.id} · ${new Date().toISOString()}`,
        description: `Captures links into the roundup inbox; made on the Roundups page by ${who} ${ownerMark(editor)}`,
        type: 'custom',
        permissions: [CAPTURE_ACTION],
        lifespan: null,
      });
      return {
        token: asToken(created),
        accessKey: created.accessKey,
        bookmarklet: bookmarklet(formUrl, created.accessKey),
      };
    },

    /** The bookmarklet of one of the editor's tokens, its key decrypted again (Strapi keeps it encrypted). */
    async bookmarklet(editor: Editor, id: number, formUrl: string): Promise<Bookmarklet> {
      await requireOwn(editor, id);
      const token = await apiTokens().getById(id, { includeDecryptedKey: true });
      if (!token?.accessKey) {
        throw new ApplicationError(
          "This token's key cannot be read back (no encryption key is set); make a new one"
        );
      }
      return {
        accessKey: token.accessKey,
        bookmarklet: bookmarklet(formUrl, token.accessKey),
      };
    },

    async revoke(editor: Editor, id: number) {
      await requireOwn(editor, id);
      await apiTokens().revoke(id);
    },
  };
};

export type CaptureTokensService = ReturnType<typeof captureTokens>;
export default captureTokens;
