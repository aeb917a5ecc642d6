import buildHooks from './admin/build-hooks';
import capture from './admin/capture';
import editor from './admin/editor';
import order from './admin/order';
import transfer from './admin/transfer';
import category from './client/category';
import feed from './client/feed';
import inbox from './client/inbox';
import openapi from './client/openapi';
import roundup from './client/roundup';

export default {
  roundup,
  category,
  feed,
  openapi,
  order,
  editor,
  'build-hooks': buildHooks,
  transfer,
  capture,
  inbox,
};
