export { decodeCursor, encodeCursor, type ChangesCursor } from './cursor';
export {
  changesPage,
  pageQuery,
  snapshotCursor,
  type ChangeItem,
  type ChangeRow,
  type ChangesPage,
} from './page';
