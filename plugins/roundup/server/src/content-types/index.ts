import buildHook from './build-hook';
import category from './category';
import change from './change';
import contentVersion from './content-version';
import delivery from './delivery';
import entry from './entry';
import gitFile from './git-file';
import gitTarget from './git-target';
import linkCheck from './link-check';
import linkResult from './link-result';
import newsletterDraft from './newsletter-draft';
import roundup from './roundup';
import schedule from './schedule';

export default {
  category,
  entry,
  roundup,
  'content-version': contentVersion,
  change,
  'build-hook': buildHook,
  delivery,
  'link-check': linkCheck,
  'link-result': linkResult,
  'newsletter-draft': newsletterDraft,
  schedule,
  'git-target': gitTarget,
  'git-file': gitFile,
};
