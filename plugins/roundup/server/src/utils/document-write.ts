/** One Document Service write, as the plugin's middleware (register.ts) hands it to the services that wrap it. */
export interface DocumentWrite {
  uid: string;
  action: string;
  /** The document written, when the write names one (not for a create). */
  documentId?: string;
}

/** The documentId a write touched: the one it named, or the one it created. */
export const writtenDocumentId = (write: DocumentWrite, result: unknown): string | undefined => {
  if (write.documentId) return write.documentId;
  const created = result as { documentId?: unknown } | null | undefined;
  return typeof created?.documentId === 'string' ? created.documentId : undefined;
};
