import buildHooks from './admin/build-hooks';
import capture from './admin/capture';
import editor from './admin/editor';
import gitTargets from './admin/git-targets';
import linkHealth from './admin/link-health';
import newsletter from './admin/newsletter';
import order from './admin/order';
import schedule from './admin/schedule';
import transfer from './admin/transfer';
import category from './client/category';
import changes from './client/changes';
import feed from './client/feed';
import inbox from './client/inbox';
import openapi from './client/openapi';
import roundup from './client/roundup';
import search from './client/search';
import { answeringRoundupErrors } from '../utils/errors';

/** Every action answers the plugin's own errors (400, 404, 409, 413) through the request it serves. */
export default {
  roundup: answeringRoundupErrors(roundup),
  category: answeringRoundupErrors(category),
  feed: answeringRoundupErrors(feed),
  changes: answeringRoundupErrors(changes),
  search: answeringRoundupErrors(search),
  openapi: answeringRoundupErrors(openapi),
  order: answeringRoundupErrors(order),
  editor: answeringRoundupErrors(editor),
  'build-hooks': answeringRoundupErrors(buildHooks),
  'git-targets': answeringRoundupErrors(gitTargets),
  transfer: answeringRoundupErrors(transfer),
  'link-health': answeringRoundupErrors(linkHealth),
  newsletter: answeringRoundupErrors(newsletter),
  capture: answeringRoundupErrors(capture),
  inbox: answeringRoundupErrors(inbox),
  schedule: answeringRoundupErrors(schedule),
};
