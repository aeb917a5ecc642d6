import buildHook from './build-hook';
import category from './category';
import contentVersion from './content-version';
import delivery from './delivery';
import entry from './entry';
import roundup from './roundup';

export default {
  category,
  entry,
  roundup,
  'content-version': contentVersion,
  'build-hook': buildHook,
  delivery,
};
