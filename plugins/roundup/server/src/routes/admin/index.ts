import buildHooks from './build-hooks';
import editor from './editor';
import gitTargets from './git-targets';
import linkHealth from './link-health';
import newsletter from './newsletter';
import order from './order';
import schedule from './schedule';
import transfer from './transfer';

/** Admin-panel routes under /roundup, behind the admin JWT and the plugin's permission actions. */
export default {
  type: 'admin',
  routes: [
    ...editor,
    ...order,
    ...buildHooks,
    ...gitTargets,
    ...transfer,
    ...linkHealth,
    ...newsletter,
    ...schedule,
  ],
};
