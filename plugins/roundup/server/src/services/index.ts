import editorLayout from './admin/editor-layout';
import order from './admin/order';
import published from './client/published';
import contentRules from './common/content-rules';

export default {
  order,
  published,
  'content-rules': contentRules,
  'editor-layout': editorLayout,
};
