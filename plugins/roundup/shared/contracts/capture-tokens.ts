/** What the capture token routes answer: the editor's tokens and the bookmarklet of one. */

/** An editor's capture token as the Roundups page lists it (the secret is shown once, at creation). */
export interface CaptureToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** GET /roundup/capture-tokens: the editor's own tokens, and where the capture window lives. */
export interface CaptureTokenList {
  tokens: CaptureToken[];
  formUrl: string;
}

/** A token's bookmarklet, and its key for a share-sheet shortcut or curl. */
export interface Bookmarklet {
  bookmarklet: string;
  accessKey: string;
}

/** POST /roundup/capture-tokens: the new token with its bookmarklet. */
export interface NewCaptureToken extends Bookmarklet {
  token: CaptureToken;
}
