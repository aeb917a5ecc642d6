/** An editor's capture token as the Roundups page lists it (the secret is shown once, at creation). */
export interface CaptureToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
