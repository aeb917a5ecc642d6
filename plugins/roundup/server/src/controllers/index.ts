import buildHooks from './admin/build-hooks';
import order from './admin/order';
import category from './client/category';
import roundup from './client/roundup';

export default { roundup, category, order, 'build-hooks': buildHooks };
